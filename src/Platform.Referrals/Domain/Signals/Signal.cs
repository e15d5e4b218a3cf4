using Platform.Referrals.Domain.Monitoring;

namespace Platform.Referrals.Domain.Signals;

/// <summary>Identifies a breach: one unit, one kind, and the period it began. One breach raises one signal.</summary>
public sealed record BreachKey(MonitoredUnit Unit, SignalKind Kind, ReportingPeriod Start)
{
    public override string ToString() => $"{Unit}/{Kind}/{Start}";
}

/// <summary>Why a breach opened; both can hold at once.</summary>
[Flags]
public enum BreachReason
{
    None = 0,

    /// <summary>The count lies above the upper 99.8% funnel limit.</summary>
    AboveUpperLimit = 1,

    /// <summary>The rate rose the configured number of periods in a row and lies above the peer rate.</summary>
    RisingTrend = 2,
}

/// <summary>The figures of one period as a signal shows them, so a reader can check the verdict.</summary>
public sealed record SignalFigures(
    ReportingPeriod Period, long Observed, double Expected, long Population, double? Rate, double PeerRate, Limits Counts95, Limits Counts998)
{
    internal static SignalFigures Of(PeriodFigures figures, FunnelLimits limits) => new(
        figures.Period, figures.Observed, limits.Expected, figures.Population, figures.Rate, figures.PeerRate,
        limits.Counts95, limits.Counts998);
}

/// <summary>
/// A new signal: the breach, why it opened, the figures of the period it opened in and the series up to then;
/// <see cref="ClosedIn"/> is set when the breach was already over in the data it was found in.
/// </summary>
public sealed record RaisedSignal(BreachKey Key, BreachReason Reason, SignalFigures Trigger, IReadOnlyList<SignalFigures> Series, ReportingPeriod? ClosedIn);

/// <summary>A signal raised before, as the caller keeps it: open while <see cref="ClosedIn"/> is null.</summary>
public sealed record KnownSignal(BreachKey Key, ReportingPeriod? ClosedIn = null);

/// <summary>A breach that was open and has come back within the limits in <see cref="ClosedIn"/>.</summary>
public sealed record ClosedSignal(BreachKey Key, ReportingPeriod ClosedIn);

/// <summary>What a detection run changes: signals to raise and open signals to close. Empty when nothing changed.</summary>
public sealed record DetectionResult(IReadOnlyList<RaisedSignal> Raised, IReadOnlyList<ClosedSignal> Closed);
