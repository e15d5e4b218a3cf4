namespace Platform.Contracts.Tests.DefinitionCheck;

using Platform.Contracts.Domain.DefinitionCheck;
using C = Platform.Contracts.Domain.DefinitionCheck.FundingClassification;
using P = Platform.Contracts.Domain.DefinitionCheck.DefinitionPoint;
using R = Platform.Contracts.Domain.DefinitionCheck.DefinitionReason;

/// <summary>The report's definition table, point by point and reason by reason, and its classification of Venlo and Rotterdam.</summary>
public sealed class DefinitionCheckTests
{
    internal static void AssertPoint(DefinitionCheckResult check, P point, bool passed, params R[] reasons)
    {
        var result = check[point];
        Assert.True(passed == result.Passed, $"Point {(int)point} should have {(passed ? "passed" : "failed")}: {string.Join(" ", result.Reasons.Select(r => r.Text))}");
        Assert.Equal(reasons, result.Codes);
        Assert.All(result.Reasons, r => Assert.False(string.IsNullOrWhiteSpace(r.Text)));
    }

    [Fact]
    public void Utrecht_deviates_on_point_3_because_its_results_are_for_supported_citizens_and_mostly_about_process()
    {
        var check = DefinitionCheck.Evaluate(ReportArrangements.Utrecht);

        AssertPoint(check, P.FixedSumForDelimitedPopulation, true, R.LumpSumForDelimitedPopulation);
        AssertPoint(check, P.BasedOnPopulationWeight, true, R.BasedOnCharacteristics);
        AssertPoint(check, P.ResultsForThePopulation, false, R.ResultsOnlyForSupportedClients, R.ProcessResultsDominate);
        AssertPoint(check, P.ProviderFreedom, true, R.ProviderDecidesAndSpends);
        AssertPoint(check, P.AccountsForResults, true, R.ReportsOnAgreedResults, R.SubsidyResultsNotEnforceable);
        Assert.Equal([P.ResultsForThePopulation], check.Deviations);
        Assert.Equal(C.PopulationFundingDeviating, check.Classification);

        var point3 = check[P.ResultsForThePopulation].Reasons;
        Assert.Contains("gehele populatie", point3[0].Text, StringComparison.Ordinal);
        Assert.Contains("ondersteunde burgers", point3[0].Text, StringComparison.Ordinal);
        Assert.StartsWith("Klanttevredenheid is the only outcome measure", point3[1].Text, StringComparison.Ordinal);
        Assert.Contains("Wachttijd (max. 5 dagen)", point3[1].Text, StringComparison.Ordinal);
        Assert.Contains("Doorverwijzingen naar aanvullende zorg", point3[1].Text, StringComparison.Ordinal);
        Assert.Contains("subsidie", check[P.AccountsForResults].Reasons[1].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Alphen_deviates_on_point_2_because_its_budget_is_the_state_budget_less_an_efficiency_discount()
    {
        var check = DefinitionCheck.Evaluate(ReportArrangements.Alphen);

        AssertPoint(check, P.FixedSumForDelimitedPopulation, true, R.LumpSumForDelimitedPopulation);
        AssertPoint(check, P.BasedOnPopulationWeight, false, R.BasedOnStateAllocation, R.AreaDataShared, R.BaselineMeasured);
        AssertPoint(check, P.ResultsForThePopulation, true, R.OutcomesForWholePopulation);
        AssertPoint(check, P.ProviderFreedom, true, R.ProviderDecidesAndSpends);
        AssertPoint(check, P.AccountsForResults, true, R.ReportsOnAgreedResults);
        Assert.Equal([P.BasedOnPopulationWeight], check.Deviations);
        Assert.Equal(C.PopulationFundingDeviating, check.Classification);

        var point2 = check[P.BasedOnPopulationWeight].Reasons;
        Assert.Contains("zwaarte en kenmerken", point2[0].Text, StringComparison.Ordinal);
        Assert.Contains("Rijk", point2[0].Text, StringComparison.Ordinal);
        Assert.Contains("efficiencykorting", point2[0].Text, StringComparison.Ordinal);
        Assert.Contains("sociale kaart", point2[1].Text, StringComparison.Ordinal);
        Assert.Contains("nulmeting", point2[2].Text, StringComparison.Ordinal);
        Assert.Contains("Zelfredzaamheid eigen regie, Sociale participatie", check[P.ResultsForThePopulation].Reasons[0].Text, StringComparison.Ordinal);
        Assert.Contains("accountantsverklaring", check[P.AccountsForResults].Reasons[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Emmen_deviates_on_points_3_and_4_because_it_steers_on_people_in_care_and_one_product()
    {
        var check = DefinitionCheck.Evaluate(ReportArrangements.Emmen);

        AssertPoint(check, P.FixedSumForDelimitedPopulation, true, R.LumpSumForDelimitedPopulation);
        AssertPoint(check, P.BasedOnPopulationWeight, true, R.BasedOnExpectedClients);
        AssertPoint(check, P.ResultsForThePopulation, false, R.ResultsOnlyForSupportedClients);
        AssertPoint(check, P.ProviderFreedom, false, R.SingleProduct);
        AssertPoint(check, P.AccountsForResults, true, R.ReportsOnAgreedResults);
        Assert.Equal([P.ResultsForThePopulation, P.ProviderFreedom], check.Deviations);
        Assert.Equal(C.PopulationFundingDeviating, check.Classification);
        Assert.Contains("points 3 and 4", check.ClassificationReason, StringComparison.Ordinal);

        var point4 = check[P.ProviderFreedom].Reasons[0].Text;
        Assert.Contains("hulp bij het huishouden", point4, StringComparison.Ordinal);
        Assert.Contains("productgerichtheid", point4, StringComparison.Ordinal);
        Assert.Contains("small package of results (2)", point4, StringComparison.Ordinal);
        Assert.Contains("onafhankelijk onderzoek", check[P.AccountsForResults].Reasons[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Venlo_is_not_population_funding_in_the_strict_sense_because_the_municipality_keeps_what_is_needed()
    {
        var check = DefinitionCheck.Evaluate(ReportArrangements.Venlo);

        AssertPoint(check, P.ProviderFreedom, false, R.MunicipalityDecidesWhatIsNeeded);
        Assert.Contains("heel feitelijk", check[P.ProviderFreedom].Reasons[0].Text, StringComparison.Ordinal);
        Assert.Equal(C.MunicipalityKeepsWhatIsNeeded, check.Classification);
        Assert.False(check.MeetsDefinition);

        // The report states no budget basis for Venlo, so the check does not claim point 2.
        AssertPoint(check, P.BasedOnPopulationWeight, false, R.BasisNotStated);
    }

    [Fact]
    public void Rotterdam_is_pay_for_performance_with_a_budget_per_client_and_access_kept_by_the_municipality()
    {
        var check = DefinitionCheck.Evaluate(ReportArrangements.Rotterdam);

        AssertPoint(check, P.FixedSumForDelimitedPopulation, false, R.BudgetPerClient);
        AssertPoint(check, P.BasedOnPopulationWeight, false, R.BasedOnClientResultPackages);
        AssertPoint(check, P.ProviderFreedom, false, R.MunicipalityDecidesWhatIsNeeded);
        Assert.Equal(C.PayForPerformance, check.Classification);
        Assert.Contains("resultaatbekostiging per cliënt", check.ClassificationReason, StringComparison.Ordinal);
    }
}
