using Platform.Populations.Domain;
using Platform.Populations.Domain.Analysis;
using static Platform.Populations.Tests.Domain.Analysis.Populations;

namespace Platform.Populations.Tests.Domain.Analysis;

public class AnalysisFingerprintTests
{
    private static List<PopulationDefinition> Scenario(int youthUpTo = 17) =>
    [
        Define("Youth", "GM0344", Ages(0, youthUpTo)),
        Define("Young adults", "WK034401 BU03440201", Ages(12, 23), careForms: ["begeleiding", "dagbesteding"]),
        Define("Elderly", "GM0344", Ages(65)),
    ];

    [Fact]
    public void Equal_results_have_equal_fingerprints_whatever_the_input_order()
    {
        var populations = Scenario();
        var reversed = Enumerable.Reverse(Scenario()).ToList();

        Assert.Equal(
            AnalysisFingerprint.Of(OverlapAnalysis.Find(Tree, populations)),
            AnalysisFingerprint.Of(OverlapAnalysis.Find(Tree, reversed)));
        Assert.Equal(
            AnalysisFingerprint.Of(CoverageGapAnalysis.Find(Tree, populations, Law.Wmo, Year2025)),
            AnalysisFingerprint.Of(CoverageGapAnalysis.Find(Tree, reversed, Law.Wmo, Year2025)));
    }

    [Fact]
    public void A_changed_result_has_a_different_fingerprint()
    {
        Assert.NotEqual(
            AnalysisFingerprint.Of(OverlapAnalysis.Find(Tree, Scenario())),
            AnalysisFingerprint.Of(OverlapAnalysis.Find(Tree, Scenario(youthUpTo: 18))));
        Assert.NotEqual(
            AnalysisFingerprint.Of(CoverageGapAnalysis.Find(Tree, Scenario(), Law.Wmo, Year2025)),
            AnalysisFingerprint.Of(CoverageGapAnalysis.Find(Tree, Scenario(youthUpTo: 18), Law.Wmo, Year2025)));
    }

    [Fact]
    public void The_same_gaps_under_another_law_have_a_different_fingerprint()
    {
        Assert.NotEqual(
            AnalysisFingerprint.Of(CoverageGapAnalysis.Find(Tree, [], Law.Wmo, Year2025)),
            AnalysisFingerprint.Of(CoverageGapAnalysis.Find(Tree, [], Law.Jeugdwet, Year2025)));
    }

    [Fact]
    public void A_fingerprint_is_a_sha256_in_hex()
    {
        Assert.Matches("^[0-9a-f]{64}$", AnalysisFingerprint.Of(Array.Empty<CoverageGap>()));
    }
}
