using Platform.Referrals.Domain.Monitoring;

namespace Platform.Referrals;

/// <summary>The service's settings, section <c>Referrals</c>.</summary>
internal sealed class ReferralsOptions
{
    /// <summary>Seeds a year of demo referrals once the demo region's populations have arrived (Development).</summary>
    public bool SeedDemoReferrals { get; set; }

    public SignalOptions Signals { get; set; } = new();
}

/// <summary>How signals are computed, section <c>Referrals:Signals</c>.</summary>
internal sealed class SignalOptions
{
    /// <summary>The periods compared. Months, so a drift shows before the quarter closes.</summary>
    public PeriodKind PeriodKind { get; set; } = PeriodKind.Month;

    /// <summary>A rate that rises this many periods in a row (and lies above its peers) raises a signal.</summary>
    public int RisingPeriods { get; set; } = 3;

    /// <summary>The agreed waiting-time norm in days ("treeknorm"); a longer wait counts towards the waiting-time signal.</summary>
    public int WaitingNormDays { get; set; } = 42;

    /// <summary>How far back the detector looks, in months; a breach that began before is seen as continuing.</summary>
    public int HistoryMonths { get; set; } = 24;

    /// <summary>How often the detector looks for municipalities with new referrals.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromSeconds(30);
}
