namespace Platform.Contracts.Domain;

/// <summary>
/// What the contracting party owes besides results: the duty to accept ("acceptatieplicht"), a waiting-time
/// norm, a social return percentage, the escalation route ("opschalingsroute") and the reports it sends.
/// </summary>
internal sealed record Obligations(
    bool DutyToAccept,
    WaitingTimeNorm? WaitingTimeNorm,
    decimal? SocialReturnPercent,
    string? EscalationRoute,
    IReadOnlyList<ReportingDuty>? ReportingSchedule)
{
    public static Obligations None { get; } = new(false, null, null, null, []);
}

/// <summary>
/// The longest wait allowed, with how it is measured: <see cref="Statistic"/> <c>each-case</c> (every client
/// within the norm) or <c>mean</c>; <see cref="DayType"/> <c>calendar</c> or <c>working</c> days.
/// </summary>
internal sealed record WaitingTimeNorm(int Days, string Statistic, string DayType);

/// <summary>
/// One report the contracting party sends: what, how often (<c>monthly</c>, <c>quarterly</c>, <c>half-yearly</c>,
/// <c>yearly</c>), due <see cref="DueDays"/> days after each period ends, to whom, and whether it stays confidential.
/// </summary>
internal sealed record ReportingDuty(string What, string Rhythm, int DueDays, string Recipient, bool Confidential);

/// <summary>
/// A result agreement: an indicator of the outcomes catalogue at a definition version, held against a norm with an
/// explicit comparison over a period, and the incentive tied to it where the legal form allows one.
/// </summary>
internal sealed record ResultAgreement(
    Guid? AgreementId,
    string IndicatorCode,
    int DefinitionVersion,
    string Comparison,
    decimal Norm,
    string Period,
    string Incentive,
    decimal? IncentiveAmount);
