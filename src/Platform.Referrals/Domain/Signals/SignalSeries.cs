using Platform.Referrals.Domain.Monitoring;

namespace Platform.Referrals.Domain.Signals;

/// <summary>
/// One period of a unit: the count of what the signal watches, its denominator (inhabitants, or clients for
/// waiting time) and the peer rate per 1,000 it is held against.
/// </summary>
public sealed record PeriodFigures(ReportingPeriod Period, long Observed, long Population, double PeerRate)
{
    /// <summary>The unit's rate per 1,000, or null without population.</summary>
    public double? Rate => Rates.PerThousandInhabitants(Observed, Population);

    /// <summary>The funnel limits around the peer rate for this unit's population (computed on each call).</summary>
    public FunnelLimits ComputeLimits() => FunnelLimits.For(PeerRate, Population);
}

/// <summary>The periods of one unit for one kind of signal, in order.</summary>
public sealed record SignalSeries(MonitoredUnit Unit, SignalKind Kind, IReadOnlyList<PeriodFigures> Periods);

/// <summary>The rules for raising signals. <see cref="RisingPeriods"/> is the number of rises in a row that raises one.</summary>
public sealed record SignalRules(int RisingPeriods = 3)
{
    public static SignalRules Default { get; } = new();
}
