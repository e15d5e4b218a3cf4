namespace Platform.Referrals.Domain.Intake;

/// <summary>The result of applying a status update: the lifecycle after it, and whether anything changed.</summary>
public sealed record LifecycleChange(ReferralLifecycle Lifecycle, bool Changed);

/// <summary>
/// The statuses of one referral in order. A referral is accepted or put on the waiting list, then started, then
/// ended; it can be cancelled only before it started (after that, it ends with a JZ588 reason). Dates never go
/// back: not before the referral date and not before the previous status.
/// </summary>
public sealed record ReferralLifecycle(DateOnly ReferralDate, IReadOnlyList<StatusUpdate> History)
{
    public static ReferralLifecycle For(Referral referral)
    {
        ArgumentNullException.ThrowIfNull(referral);
        return new ReferralLifecycle(referral.ReferralDate, []);
    }

    /// <summary>The latest status, or null while the provider has reported nothing since the referral.</summary>
    public ReferralStatus? Current => History.Count == 0 ? null : History[^1].Status;

    /// <summary>When help started, which ends the waiting time.</summary>
    public DateOnly? StartedOn => History.FirstOrDefault(u => u.Status == ReferralStatus.Started)?.Date;

    public StatusUpdate? Ending => History.FirstOrDefault(u => u.Status == ReferralStatus.Ended);

    /// <summary>
    /// Applies an update. The same update sent again is harmless and changes nothing; an update that does not
    /// fit is refused with violations under <paramref name="prefix"/>.
    /// </summary>
    public Validated<LifecycleChange> Apply(StatusUpdate update, string prefix = "")
    {
        ArgumentNullException.ThrowIfNull(update);
        if (History.Contains(update))
        {
            return Validated<LifecycleChange>.Valid(new LifecycleChange(this, Changed: false));
        }

        var errors = new ViolationCollector(prefix);
        if (!Allowed(Current, update.Status))
        {
            errors.Add("status", $"A referral that is {Describe(Current)} cannot become {Describe(update.Status)}.");
        }

        if (update.Date < ReferralDate)
        {
            errors.Add("date", "Lies before the referral date.");
        }
        else if (History.Count > 0 && update.Date < History[^1].Date)
        {
            errors.Add("date", $"Lies before the previous status ({Describe(Current)}).");
        }

        return errors.Any
            ? Validated<LifecycleChange>.Invalid(errors.Violations)
            : Validated<LifecycleChange>.Valid(new LifecycleChange(this with { History = [.. History, update] }, Changed: true));
    }

    private static bool Allowed(ReferralStatus? from, ReferralStatus to) => (from, to) switch
    {
        (null, ReferralStatus.Accepted or ReferralStatus.Waiting or ReferralStatus.Started or ReferralStatus.Cancelled) => true,
        (ReferralStatus.Accepted, ReferralStatus.Waiting or ReferralStatus.Started or ReferralStatus.Cancelled) => true,
        (ReferralStatus.Waiting, ReferralStatus.Started or ReferralStatus.Cancelled) => true,
        (ReferralStatus.Started, ReferralStatus.Ended) => true,
        _ => false,
    };

    private static string Describe(ReferralStatus? status) =>
        status is { } s ? s.ToString().ToLowerInvariant() : "newly referred";
}
