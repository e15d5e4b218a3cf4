using Platform.Referrals.Data;
using Platform.Referrals.Domain.Monitoring;
using Platform.Referrals.Domain.Signals;
using Platform.Referrals.Signals;

namespace Platform.Referrals.Tests.Signals;

public class SignalSeriesBuilderTests
{
    private static readonly Guid Population = Guid.NewGuid();

    private static Denominators Figures(params (string Neighbourhood, double Inhabitants)[] neighbourhoods) => new(
        neighbourhoods.Select(n => new NeighbourhoodFigures(n.Neighbourhood, new DateOnly(2024, 1, 1), n.Inhabitants, n.Inhabitants * 0.2, n.Inhabitants * 0.1, n.Inhabitants * 0.3, n.Inhabitants * 0.25, n.Inhabitants * 0.15)),
        [new PopulationExtent(Population, "Alphen", ["GM0484"], 0, null)],
        [new ResponsibilityPeriod("tom", Population, new DateOnly(2024, 1, 1), null)]);

    private static SignalCounts Count(string neighbourhood, int month, long costShifting) =>
        new(neighbourhood, Population, "tom", new DateOnly(2026, month, 1), costShifting, 0, 0, 0);

    [Fact]
    public void A_series_starts_with_the_municipalitys_first_referral_not_with_empty_months_before_it()
    {
        var series = SignalSeriesBuilder.Build(
            [Count("BU04840101", 3, 5), Count("BU04840102", 4, 5)], Figures(("BU04840101", 1000), ("BU04840102", 1000)),
            ReportingPeriod.Of(new DateOnly(2025, 1, 1), PeriodKind.Month), ReportingPeriod.Of(new DateOnly(2026, 5, 1), PeriodKind.Month));

        var neighbourhood = series.Single(s => s.Unit.Id == "BU04840101" && s.Kind == SignalKind.CostShifting);
        Assert.Equal(["2026-03", "2026-04", "2026-05"], neighbourhood.Periods.Select(p => p.Period.ToString()));
        Assert.Equal([5L, 0, 0], neighbourhood.Periods.Select(p => p.Observed));
    }

    [Fact]
    public void Neighbourhoods_are_held_against_the_pooled_rate_of_neighbourhoods_and_districts_against_districts()
    {
        // March: 6 over 3,000 inhabitants in district 01 and 2 over 1,000 in district 02; a neighbourhood without
        // referrals still counts as a peer.
        var series = SignalSeriesBuilder.Build(
            [Count("BU04840101", 3, 6), Count("BU04840201", 3, 2)],
            Figures(("BU04840101", 1000), ("BU04840102", 2000), ("BU04840201", 1000)),
            ReportingPeriod.Of(new DateOnly(2026, 3, 1), PeriodKind.Month), ReportingPeriod.Of(new DateOnly(2026, 3, 1), PeriodKind.Month));

        PeriodFigures Of(string unit) => series.Single(s => s.Unit.Id == unit && s.Kind == SignalKind.CostShifting).Periods.Single();
        Assert.Equal(2.0, Of("BU04840102").PeerRate, 9);
        Assert.Equal(0, Of("BU04840102").Observed);
        Assert.Equal(2.0, Of("WK048401").PeerRate, 9);
        Assert.Equal(3000, Of("WK048401").Population);
        Assert.Equal(8, Of(Population.ToString()).Observed);
    }
}
