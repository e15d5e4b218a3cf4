namespace Platform.Referrals.Domain.Intake;

/// <summary>
/// A referral ("verwijzing") as a provider system submits it: every field may be missing or wrong, and
/// <see cref="ReferralValidation"/> says which. Enumerations left at <c>Unspecified</c> count as missing.
/// </summary>
public sealed record ReferralSubmission(
    string? ReferralId,
    string? ClientReference,
    string? NeighbourhoodCode,
    AgeBand AgeBand,
    DateOnly? ReferralDate,
    string? ReferringTeam,
    ReferrerType ReferrerType,
    DestinationType DestinationType,
    LifeDomain LifeDomain,
    Urgency Urgency);

/// <summary>A validated referral, in the domain's terms.</summary>
public sealed record Referral(
    string ReferralId,
    string ClientReference,
    NeighbourhoodCode Neighbourhood,
    AgeBand AgeBand,
    DateOnly ReferralDate,
    string ReferringTeam,
    ReferrerType ReferrerType,
    DestinationType DestinationType,
    LifeDomain LifeDomain,
    Urgency Urgency);
