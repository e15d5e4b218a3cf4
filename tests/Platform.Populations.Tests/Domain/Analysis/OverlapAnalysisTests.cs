using Platform.Populations.Domain;
using Platform.Populations.Domain.Analysis;
using static Platform.Populations.Tests.Domain.Analysis.Populations;

namespace Platform.Populations.Tests.Domain.Analysis;

public class OverlapAnalysisTests
{
    [Fact]
    public void Overlap_is_reported_for_partial_age_ranges()
    {
        var overlap = Assert.Single(OverlapAnalysis.Find(Tree, [
            Define("Youth", "WK034401", Ages(0, 17)),
            Define("Young adults", "WK034401", Ages(12, 23)),
        ]));

        Assert.Equal(("Young adults", "Youth"), (overlap.First.Name, overlap.Second.Name));
        Assert.Equal(IdOf("Young adults"), overlap.First.Id);
        Assert.Equal(Ages(12, 17), overlap.Group.Ages);
        Assert.Equal("WK034401", Text(overlap.Areas));
        Assert.Equal("BU03440101 BU03440102 BU03440103", Text(overlap.Neighbourhoods));
        Assert.Equal(new[] { Law.Wmo }, overlap.Group.Laws);
        Assert.Equal(Year2025, overlap.Period);
    }

    [Fact]
    public void A_neighbourhood_population_inside_a_district_population_overlaps_in_that_neighbourhood()
    {
        var overlap = Assert.Single(OverlapAnalysis.Find(Tree, [
            Define("District team", "WK034401"),
            Define("Neighbourhood team", "BU03440102", Ages(65)),
        ]));

        Assert.Equal("BU03440102", Text(overlap.Areas));
        Assert.Equal(Ages(65), overlap.Group.Ages);
    }

    [Fact]
    public void Overlapping_neighbourhoods_collapse_to_whole_districts_and_the_whole_municipality()
    {
        var overlaps = OverlapAnalysis.Find(Tree, [
            Define("City", "GM0344"),
            Define("North and one more", "WK034401 BU03440201"),
            Define("Both districts", "WK034401 WK034402"),
        ]);

        Assert.Equal(
            "Both districts/City: GM0344 | Both districts/North and one more: WK034401 BU03440201 | City/North and one more: WK034401 BU03440201",
            string.Join(" | ", overlaps.Select(o => $"{o.First.Name}/{o.Second.Name}: {Text(o.Areas)}")));
    }

    [Fact]
    public void Periods_that_touch_do_not_overlap()
    {
        Assert.Empty(OverlapAnalysis.Find(Tree, [
            Define("First half", "GM0344", validity: Days("2025-01-01", "2025-06-30")),
            Define("Second half", "GM0344", validity: Days("2025-07-01")),
        ]));
    }

    [Fact]
    public void Periods_sharing_one_day_overlap_on_that_day()
    {
        var overlap = Assert.Single(OverlapAnalysis.Find(Tree, [
            Define("First half", "GM0344", validity: Days("2025-01-01", "2025-07-01")),
            Define("Second half", "GM0344", validity: Days("2025-07-01")),
        ]));

        Assert.Equal(Days("2025-07-01", "2025-07-01"), overlap.Period);
    }

    [Fact]
    public void A_target_group_inside_an_area_population_is_reported_with_its_diagnosis()
    {
        var overlap = Assert.Single(OverlapAnalysis.Find(Tree, [
            Define("Youth care", "GM0344", Ages(0, 17), [Law.Jeugdwet]),
            Define("Severe psychiatric youth", "WK034402", Ages(12, 23), [Law.Jeugdwet, Law.Wmo], diagnosis: "EPA"),
        ]));

        Assert.Equal("EPA", overlap.Group.DiagnosisGroup);
        Assert.Equal(new[] { Law.Jeugdwet }, overlap.Group.Laws);
        Assert.Equal(Ages(12, 17), overlap.Group.Ages);
        Assert.Equal("WK034402", Text(overlap.Areas));
    }

    [Fact]
    public void Different_diagnosis_groups_do_not_overlap()
    {
        Assert.Empty(OverlapAnalysis.Find(Tree, [
            Define("Psychiatric", "GM0344", diagnosis: "EPA"),
            Define("Intellectual disability", "GM0344", diagnosis: "LVB"),
        ]));
    }

    [Fact]
    public void Care_forms_overlap_only_where_both_sets_share_a_form()
    {
        var overlaps = OverlapAnalysis.Find(Tree, [
            Define("Home help", "GM0344", careForms: ["huishoudelijke hulp"]),
            Define("Day care and guidance", "GM0344", careForms: ["dagbesteding", "begeleiding"]),
            Define("Guidance", "BU03440101", careForms: ["begeleiding"]),
        ]);

        var overlap = Assert.Single(overlaps);
        Assert.Equal(("Day care and guidance", "Guidance"), (overlap.First.Name, overlap.Second.Name));
        Assert.Equal("begeleiding", string.Join(", ", overlap.Group.CareForms));
    }

    [Fact]
    public void Every_care_form_overlaps_with_a_narrowed_set_of_care_forms()
    {
        var overlap = Assert.Single(OverlapAnalysis.Find(Tree, [
            Define("Everything", "GM0344"),
            Define("Day care and guidance", "GM0344", careForms: ["dagbesteding", "begeleiding"]),
        ]));

        Assert.Equal("begeleiding, dagbesteding", string.Join(", ", overlap.Group.CareForms));
        Assert.Null(overlap.Group.DiagnosisGroup);
    }

    [Fact]
    public void Populations_under_different_laws_do_not_overlap()
    {
        Assert.Empty(OverlapAnalysis.Find(Tree, [
            Define("Adults", "GM0344", laws: [Law.Wmo]),
            Define("Youth", "GM0344", laws: [Law.Jeugdwet, Law.Participatiewet]),
        ]));
    }

    [Fact]
    public void Draft_and_retired_populations_are_ignored()
    {
        Assert.Empty(OverlapAnalysis.Find(Tree, [
            Define("Active", "GM0344"),
            Define("Draft", "GM0344", status: PopulationStatus.Draft),
            Define("Retired", "GM0344", status: PopulationStatus.Retired),
        ]));
    }

    [Fact]
    public void Populations_naming_the_same_unknown_neighbourhood_overlap_there()
    {
        var overlap = Assert.Single(OverlapAnalysis.Find(Tree, [
            Define("New neighbourhood", "BU03440309"),
            Define("New district", "WK034403"),
        ]));

        Assert.Equal("BU03440309", Text(overlap.Neighbourhoods));
    }
}
