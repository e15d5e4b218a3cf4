namespace Platform.Budgets.Domain;

/// <summary>One monthly instalment: what is paid and what is held back, in euros (whole cents).</summary>
internal sealed record Instalment(int Month, decimal Paid, decimal HeldBack, decimal Discount);

/// <summary>
/// Monthly payment schedules. The paid part of the year (amount less the holdback share, rounded half-up to cents)
/// is divided in twelve instalments rounded half-up to cents, the remainder on the last instalment; the holdback is
/// divided the same way. Instalments therefore sum exactly to the annual amount.
/// </summary>
internal static class PaymentSchedule
{
    public static IReadOnlyList<Instalment> Monthly(decimal annualAmount, decimal holdbackShare, IReadOnlyDictionary<int, decimal>? discountPerMonth = null)
    {
        if (annualAmount < 0 || annualAmount != Money.ToCents(annualAmount))
        {
            throw new ArgumentException("The annual amount must be non-negative whole cents.", nameof(annualAmount));
        }

        if (holdbackShare < 0 || holdbackShare >= 1)
        {
            throw new ArgumentException("The holdback share must be in [0, 1).", nameof(holdbackShare));
        }

        var held = Money.ToCents(annualAmount * holdbackShare);
        var paid = annualAmount - held;
        var paidParts = Spread(paid);
        var heldParts = Spread(held);
        return Enumerable.Range(0, 12).Select(i =>
        {
            // A temporary discount for non-performance (e.g. 5 %) applies to the affected instalment's paid part only.
            var discount = discountPerMonth is not null && discountPerMonth.TryGetValue(i + 1, out var d) ? Money.ToCents(paidParts[i] * d) : 0m;
            return new Instalment(i + 1, paidParts[i] - discount, heldParts[i], discount);
        }).ToArray();
    }

    private static decimal[] Spread(decimal amount)
    {
        var month = Money.ToCents(amount / 12);
        var parts = Enumerable.Repeat(month, 12).ToArray();
        parts[11] = amount - month * 11;
        return parts;
    }
}

/// <summary>An audit record: whether the result agreements of a contract's year were met, and who recorded it.</summary>
internal sealed record AuditRecord(Guid ContractId, int Year, bool AgreementsMet, string RecordedBy);

/// <summary>Holdback release: only on a met audit, never automatically, never by whoever proposed it.</summary>
internal static class Holdback
{
    public static IReadOnlyList<string> CanRelease(AuditRecord? audit, string proposedBy, string releasedBy)
    {
        var errors = new List<string>();
        if (audit is null)
        {
            errors.Add("No audit record: the holdback is released only when an audit says the agreements were met.");
        }
        else if (!audit.AgreementsMet)
        {
            errors.Add("The audit says the agreements were not met; the holdback stays withheld.");
        }

        if (string.Equals(proposedBy, releasedBy, StringComparison.Ordinal))
        {
            errors.Add("Whoever proposed the release cannot also release it.");
        }

        return errors;
    }
}
