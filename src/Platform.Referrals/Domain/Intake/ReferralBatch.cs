using Platform.Hosting.Results;

namespace Platform.Referrals.Domain.Intake;

/// <summary>A referral that passed validation, with its position in the batch.</summary>
public sealed record AcceptedItem<T>(int Position, T Value);

/// <summary>A batch item that did not pass, with its position and every violation.</summary>
public sealed record RejectedItem(int Position, IReadOnlyList<FieldViolation> Violations);

/// <summary>The good items of a batch and the bad ones by position; a bad item never stops the good ones.</summary>
public sealed record BatchValidation<T>(IReadOnlyList<AcceptedItem<T>> Accepted, IReadOnlyList<RejectedItem> Rejected);

public static class ReferralBatch
{
    /// <summary>
    /// Validates each item of a batch under the path <c>{collection}[i]</c>. An item repeated within the batch
    /// with the same content is harmless and accepted once; the same referral id with other content is rejected,
    /// because the provider must say which one it means. <paramref name="firstPosition"/> is the position of the
    /// first item, for batches that continue a stream.
    /// </summary>
    public static BatchValidation<Referral> Validate(
        IReadOnlyList<ReferralSubmission> items, DateOnly today, string collection = "referrals", int firstPosition = 0)
    {
        ArgumentNullException.ThrowIfNull(items);
        var accepted = new List<AcceptedItem<Referral>>();
        var rejected = new List<RejectedItem>();
        var seen = new Dictionary<string, Referral>(StringComparer.Ordinal);
        for (var i = 0; i < items.Count; i++)
        {
            var position = firstPosition + i;
            var prefix = $"{collection}[{position}]";
            var result = ReferralValidation.Validate(items[i], today, prefix);
            if (!result.IsValid)
            {
                rejected.Add(new RejectedItem(position, result.Violations));
            }
            else if (!seen.TryGetValue(result.Value!.ReferralId, out var earlier))
            {
                seen.Add(result.Value.ReferralId, result.Value);
                accepted.Add(new AcceptedItem<Referral>(position, result.Value));
            }
            else if (earlier != result.Value)
            {
                rejected.Add(new RejectedItem(position, [new FieldViolation($"{prefix}.referral_id", "Appears earlier in this batch with other content.")]));
            }
        }

        return new BatchValidation<Referral>(accepted, rejected);
    }
}
