using Platform.Referrals.Domain.Monitoring;
using Platform.Referrals.Domain.Signals;

namespace Platform.Referrals.Tests.Signals;

/// <summary>
/// Monthly series for one neighbourhood of 5,000 inhabitants against a peer rate of 2 per 1,000, so each month
/// expects 10 referrals; the upper limits are 16.16 (95%) and 20.66 (99.8%).
/// </summary>
internal static class Series
{
    public static readonly MonitoredUnit Neighbourhood = new(UnitKind.Area, "BU04840102");

    public static readonly ReportingPeriod January = ReportingPeriod.Of(new DateOnly(2026, 1, 1), PeriodKind.Month);

    public static ReportingPeriod Month(int number) => ReportingPeriod.Of(new DateOnly(2026, 1, 1).AddMonths(number - 1), PeriodKind.Month);

    public static SignalSeries Monthly(params long[] counts) => From(January, counts);

    public static SignalSeries From(ReportingPeriod first, params long[] counts)
    {
        var period = first;
        var figures = new List<PeriodFigures>();
        foreach (var count in counts)
        {
            figures.Add(new PeriodFigures(period, count, 5_000, 2.0));
            period = period.Next;
        }

        return new SignalSeries(Neighbourhood, SignalKind.CostShifting, figures);
    }
}
