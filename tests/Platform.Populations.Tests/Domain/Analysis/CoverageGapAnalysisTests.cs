using Platform.Populations.Domain;
using Platform.Populations.Domain.Analysis;
using static Platform.Populations.Tests.Domain.Analysis.Populations;

namespace Platform.Populations.Tests.Domain.Analysis;

public class CoverageGapAnalysisTests
{
    private static string Describe(IEnumerable<CoverageGap> gaps) =>
        string.Join(" | ", gaps.Select(gap => $"{Text(gap.Areas)} {gap.Ages} {gap.Period}"));

    private static string GapsFor(Law law, Period window, params PopulationDefinition[] populations) =>
        Describe(CoverageGapAnalysis.Find(Tree, populations, law, window));

    [Fact]
    public void Without_populations_everyone_everywhere_is_uncovered()
    {
        Assert.Equal("GM0344 0+ 2025-01-01..2025-12-31", GapsFor(Law.Wmo, Year2025));
    }

    [Fact]
    public void A_missing_age_slice_is_reported()
    {
        Assert.Equal("GM0344 18-22 2025-01-01..2025-12-31", GapsFor(Law.Wmo, Year2025,
            Define("Youth", "GM0344", Ages(0, 17)),
            Define("Adults", "GM0344", Ages(23))));
    }

    [Fact]
    public void A_target_group_only_population_does_not_close_a_gap()
    {
        Assert.Equal("GM0344 0+ 2025-01-01..2025-12-31", GapsFor(Law.Wmo, Year2025,
            Define("Psychiatric", "GM0344", diagnosis: "EPA"),
            Define("Home help", "GM0344", careForms: ["huishoudelijke hulp"])));
    }

    [Fact]
    public void A_window_partly_uncovered_reports_the_uncovered_period()
    {
        Assert.Equal("GM0344 0+ 2025-07-01..2025-12-31", GapsFor(Law.Wmo, Year2025,
            Define("First half", "GM0344", validity: Days("2025-01-01", "2025-06-30"))));
    }

    [Fact]
    public void An_open_window_past_the_last_population_is_uncovered_with_an_open_end()
    {
        Assert.Equal("GM0344 0+ 2026-01-01..", GapsFor(Law.Wmo, Days("2025-01-01"),
            Define("Year", "GM0344")));
    }

    [Fact]
    public void Periods_that_touch_leave_no_gap_between_them()
    {
        Assert.Empty(GapsFor(Law.Wmo, Year2025,
            Define("First half", "GM0344", validity: Days("2025-01-01", "2025-06-30")),
            Define("Second half", "GM0344", validity: Days("2025-07-01"))));
    }

    [Fact]
    public void A_neighbourhood_inside_a_district_population_is_covered()
    {
        Assert.Equal("WK034402 0+ 2025-01-01..2025-12-31", GapsFor(Law.Wmo, Year2025,
            Define("North", "WK034401")));
    }

    [Fact]
    public void Neighbourhoods_with_identical_gaps_are_reported_together()
    {
        Assert.Equal(
            "BU03440101 BU03440201 18+ 2025-01-01..2025-12-31 | BU03440102 BU03440103 BU03440202 0+ 2025-01-01..2025-12-31",
            GapsFor(Law.Wmo, Year2025, Define("Youth in two places", "BU03440101 BU03440201", Ages(0, 17))));
    }

    [Fact]
    public void Uncovered_cells_merge_ages_within_a_period_first_then_periods()
    {
        // Youth for the first half only leaves adults then everyone: two rectangles, not an L-shape cut by age.
        Assert.Equal("GM0344 18+ 2025-01-01..2025-06-30 | GM0344 0+ 2025-07-01..2025-12-31", GapsFor(Law.Wmo, Year2025,
            Define("Youth first half", "GM0344", Ages(0, 17), validity: Days("2025-01-01", "2025-06-30"))));
    }

    [Fact]
    public void Identical_age_gaps_in_consecutive_periods_merge_into_one()
    {
        Assert.Equal("GM0344 18-64 2025-01-01..2025-12-31", GapsFor(Law.Wmo, Year2025,
            Define("Youth first half", "GM0344", Ages(0, 17), validity: Days("2025-01-01", "2025-06-30")),
            Define("Youth second half", "GM0344", Ages(0, 17), validity: Days("2025-07-01", "2025-12-31")),
            Define("Elderly", "GM0344", Ages(65))));
    }

    [Fact]
    public void Only_populations_under_the_analysed_law_and_active_close_a_gap()
    {
        Assert.Equal("GM0344 0+ 2025-01-01..2025-12-31", GapsFor(Law.Jeugdwet, Year2025,
            Define("Adults", "GM0344", laws: [Law.Wmo]),
            Define("Draft youth", "GM0344", laws: [Law.Jeugdwet], status: PopulationStatus.Draft),
            Define("Retired youth", "GM0344", laws: [Law.Jeugdwet], status: PopulationStatus.Retired)));
    }

    [Fact]
    public void Gaps_name_the_analysed_law()
    {
        Assert.All(CoverageGapAnalysis.Find(Tree, [], Law.Participatiewet, Year2025), gap => Assert.Equal(Law.Participatiewet, gap.Law));
    }

    [Fact]
    public void Utrecht_style_neighbourhood_teams_have_no_gaps_and_no_overlaps()
    {
        Law[] laws = [Law.Wmo, Law.Jeugdwet];
        var populations = Tree.Neighbourhoods.SelectMany(neighbourhood => new[]
        {
            Define($"Youth {neighbourhood}", neighbourhood.Value, Ages(0, 17), laws, validity: Days("2025-01-01")),
            Define($"Adults {neighbourhood}", neighbourhood.Value, Ages(18), laws, validity: Days("2025-01-01")),
        }).ToList();

        Assert.Empty(OverlapAnalysis.Find(Tree, populations));
        Assert.Empty(CoverageGapAnalysis.Find(Tree, populations, Law.Wmo, Days("2025-01-01")));
        Assert.Empty(CoverageGapAnalysis.Find(Tree, populations, Law.Jeugdwet, Year2025));
    }
}
