namespace Platform.IntegrationEvents.Referrals;

/// <summary>
/// A unit's referrals left the agreed bounds: cost shifting ("afwenteling"), outflow to a personal budget, or
/// waiting times. One breach raises one event, with the figures that justify it, for the steering talks'
/// agenda.
/// </summary>
/// <param name="Municipality">CBS code of the municipality, <c>GMnnnn</c>.</param>
/// <param name="SignalId">The signal's identifier, for acknowledging it.</param>
/// <param name="UnitKind"><c>area</c> (a neighbourhood or district), <c>population</c> or <c>provider</c>.</param>
/// <param name="UnitId">A CBS code, a population id or a provider id.</param>
/// <param name="UnitName">The unit as a reader knows it, e.g. the population's name.</param>
/// <param name="Kind"><c>cost-shifting</c>, <c>personal-budget-outflow</c> or <c>waiting-time</c>.</param>
/// <param name="PeriodKind"><c>month</c>, <c>quarter</c> or <c>year</c>: the periods compared.</param>
/// <param name="BreachStart">The first day of the period the breach began in.</param>
/// <param name="Reason"><c>above-upper-limit</c>, <c>rising-trend</c>, or both separated by a comma.</param>
/// <param name="TriggerPeriod">The first day of the period whose figures raised it.</param>
/// <param name="Evidence">The trigger period's figures.</param>
public sealed record ReferralSignalRaised(
    string Municipality,
    Guid SignalId,
    string UnitKind,
    string UnitId,
    string UnitName,
    string Kind,
    string PeriodKind,
    DateOnly BreachStart,
    string Reason,
    DateOnly TriggerPeriod,
    SignalEvidence Evidence) : IntegrationEvent, ITenantEvent;

/// <summary>
/// The trigger period's figures: the count, what the peers' rate would give (<see cref="Expected"/>), the
/// denominator, the rates per 1,000 and the upper Poisson limits (95% and 99.8%) for the count.
/// </summary>
public sealed record SignalEvidence(
    long Observed, double Expected, long Population, double? Rate, double PeerRate, double Upper95, double Upper998,
    double? YearEarlierRate, double? TrailingFourQuartersRate);
