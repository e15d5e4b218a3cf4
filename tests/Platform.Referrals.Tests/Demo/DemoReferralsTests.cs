using Platform.Referrals.Data;
using Platform.Referrals.Demo;
using Platform.Referrals.Domain.Intake;
using Platform.Referrals.Domain.Monitoring;
using Platform.Referrals.Domain.Signals;
using Platform.Referrals.Signals;

namespace Platform.Referrals.Tests.Demo;

/// <summary>
/// The demo year, run through the same series builder and detector as the service: the two story neighbourhoods
/// raise their signal, once, and no steady neighbourhood raises any.
/// </summary>
public sealed class DemoReferralsTests
{
    private static readonly DateOnly Today = new(2026, 12, 1);

    private static List<DemoCatchment> Catchments(string municipality, string provider, int count, bool youth)
    {
        var digits = municipality[2..];
        return [.. Enumerable.Range(0, count).Select(i => new DemoCatchment(
            provider, $"BU{digits}{1 + (i / 5):D2}{1 + (i % 5):D2}", 400 + (137 * i % 2600), [AgeBand.Age23To64, AgeBand.Age65To74], youth))];
    }

    private static List<DemoCatchment> CatchmentsOf() =>
        [.. Catchments("GM0484", "tom-in-de-buurt", 20, youth: false).Concat(Catchments("GM0569", "nieuwkoop-samen", 10, youth: false))];

    private static (DemoReferrals Demo, List<DemoReferral> Referrals) Generate()
    {
        var catchments = CatchmentsOf();
        var drifting = catchments.Where(c => c.Neighbourhood.StartsWith("BU0484", StringComparison.Ordinal)).MaxBy(c => c.Inhabitants)!.Neighbourhood;
        var pgb = catchments.Where(c => c.Neighbourhood.StartsWith("BU0569", StringComparison.Ordinal)).MaxBy(c => c.Inhabitants)!.Neighbourhood;
        var demo = new DemoReferrals(catchments, drifting, pgb);
        return (demo, [.. demo.Generate(Today)]);
    }

    /// <summary>What the service's SQL computes from stored referrals, computed here from the demo's own list.</summary>
    private static DetectionResult Detect(List<DemoReferral> referrals, IEnumerable<DemoCatchment> catchments, string municipality)
    {
        var digits = municipality[2..];
        var mine = referrals.Where(r => r.Submission.NeighbourhoodCode!.StartsWith("BU" + digits, StringComparison.Ordinal)).ToList();
        var population = Guid.NewGuid();
        var counts = mine
            .Select(r => (r.Submission.NeighbourhoodCode!, r.ProviderId, Month: new DateOnly(r.Submission.ReferralDate!.Value.Year, r.Submission.ReferralDate.Value.Month, 1), r.Submission.DestinationType))
            .GroupBy(r => (r.Item1, r.ProviderId, r.Month))
            .Select(g => new SignalCounts(g.Key.Item1, population, g.Key.ProviderId, g.Key.Month,
                g.LongCount(r => SignalKinds.ForDestination(r.DestinationType) == SignalKind.CostShifting),
                g.LongCount(r => r.DestinationType == DestinationType.PersonalBudget), 0, 0))
            .ToList();
        var figures = catchments.Where(c => c.Neighbourhood.StartsWith("BU" + digits, StringComparison.Ordinal))
            .Select(c => new NeighbourhoodFigures(c.Neighbourhood, new DateOnly(2024, 1, 1), c.Inhabitants, c.Inhabitants * 0.2, c.Inhabitants * 0.1, c.Inhabitants * 0.3, c.Inhabitants * 0.25, c.Inhabitants * 0.15));
        var denominators = new Denominators(figures, [new PopulationExtent(population, "Demo", [municipality], 0, null)],
            [new ResponsibilityPeriod(mine[0].ProviderId, population, new DateOnly(2024, 1, 1), null)]);
        var last = ReportingPeriod.Of(Today, PeriodKind.Month).Previous;
        var series = SignalSeriesBuilder.Build(counts, denominators, ReportingPeriod.Of(last.Start.AddMonths(-24), PeriodKind.Month), last);
        return new SignalDetector().Detect(series, []);
    }

    [Fact]
    public void The_drifting_neighbourhood_raises_one_cost_shifting_signal_and_no_other_neighbourhood_any()
    {
        var (demo, referrals) = Generate();
        var catchments = referrals.Select(r => r.Submission.NeighbourhoodCode).Distinct().Count();

        var result = Detect(referrals, CatchmentsOf(), "GM0484");

        var neighbourhoods = result.Raised.Where(s => s.Key.Unit.Id.StartsWith("BU", StringComparison.Ordinal)).ToList();
        var signal = Assert.Single(neighbourhoods);
        Assert.Equal((demo.DriftingNeighbourhood, SignalKind.CostShifting), (signal.Key.Unit.Id, signal.Key.Kind));
        Assert.True(catchments > 20);
        Assert.All(result.Raised.GroupBy(s => (s.Key.Unit, s.Key.Kind)), g => Assert.Single(g));
    }

    [Fact]
    public void The_personal_budget_neighbourhood_raises_one_pgb_signal_and_no_other_neighbourhood_any()
    {
        var (demo, referrals) = Generate();

        var result = Detect(referrals, CatchmentsOf(), "GM0569");

        var neighbourhoods = result.Raised.Where(s => s.Key.Unit.Id.StartsWith("BU", StringComparison.Ordinal)).ToList();
        var signal = Assert.Single(neighbourhoods);
        Assert.Equal((demo.PersonalBudgetNeighbourhood, SignalKind.PersonalBudgetOutflow), (signal.Key.Unit.Id, signal.Key.Kind));
        Assert.Equal(BreachReason.AboveUpperLimit, signal.Reason & BreachReason.AboveUpperLimit);
    }

    [Fact]
    public void The_demo_is_a_plausible_year_that_passes_validation()
    {
        var (_, referrals) = Generate();

        var months = referrals.Select(r => r.Submission.ReferralDate!.Value.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture)).Distinct().Count();
        var batch = ReferralBatch.Validate([.. referrals.Select(r => r.Submission)], Today);

        Assert.Equal(12, months);
        Assert.Empty(batch.Rejected);
        Assert.Equal(referrals.Count, batch.Accepted.Count);
        Assert.All(referrals.SelectMany(r => r.Updates), u => Assert.True(u.Date < Today));
        Assert.Equal(Generate().Referrals.Select(r => r.Submission), referrals.Select(r => r.Submission));
    }
}
