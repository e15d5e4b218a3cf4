namespace Platform.Contracts.Tests.DefinitionCheck;

using Platform.Contracts.Domain.DefinitionCheck;
using C = Platform.Contracts.Domain.DefinitionCheck.FundingClassification;
using D = Platform.Contracts.Domain.DefinitionCheck.Direction;
using I = Platform.Contracts.Domain.DefinitionCheck.IncentiveReason;
using LegalForm = Platform.Contracts.Domain.LegalForm;
using N = Platform.Contracts.Domain.DefinitionCheck.Incentive;
using P = Platform.Contracts.Domain.DefinitionCheck.DefinitionPoint;
using R = Platform.Contracts.Domain.DefinitionCheck.DefinitionReason;

/// <summary>One fact changed in a report arrangement flips exactly the point (or incentive) that fact decides.</summary>
public sealed class ChangedFactTests
{
    /// <summary>The points whose pass or fail differs between the two checks.</summary>
    private static P[] Flipped(Arrangement before, Arrangement after)
    {
        var a = DefinitionCheck.Evaluate(before);
        var b = DefinitionCheck.Evaluate(after);
        return [.. Enum.GetValues<P>().Where(p => a[p].Passed != b[p].Passed)];
    }

    [Fact]
    public void Alphen_with_a_budget_from_population_characteristics_meets_all_five_points()
    {
        var changed = ReportArrangements.Alphen with { BudgetBasis = BudgetBasis.PopulationCharacteristics };

        Assert.Equal([P.BasedOnPopulationWeight], Flipped(ReportArrangements.Alphen, changed));
        var check = DefinitionCheck.Evaluate(changed);
        DefinitionCheckTests.AssertPoint(check, P.BasedOnPopulationWeight, true, R.BasedOnCharacteristics);
        Assert.Equal(C.PopulationFunding, check.Classification);
        Assert.True(check.MeetsDefinition);
    }

    [Fact]
    public void Alphen_without_an_efficiency_discount_still_fails_point_2_but_the_reason_no_longer_names_it()
    {
        var check = DefinitionCheck.Evaluate(ReportArrangements.Alphen with { EfficiencyDiscount = false });

        Assert.False(check[P.BasedOnPopulationWeight].Passed);
        Assert.DoesNotContain("efficiencykorting", check[P.BasedOnPopulationWeight].Reasons[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Utrecht_with_an_outcome_for_the_whole_neighbourhood_passes_point_3_and_loses_its_underproduction_risk()
    {
        var changed = ReportArrangements.Utrecht with
        {
            Results = [.. ReportArrangements.Utrecht.Results, new AgreedResult("Zelfredzaamheid in de buurt", ResultKind.Outcome, ResultScope.WholePopulation)],
        };

        Assert.Equal([P.ResultsForThePopulation], Flipped(ReportArrangements.Utrecht, changed));
        Assert.Equal(C.PopulationFunding, DefinitionCheck.Evaluate(changed).Classification);
        var profile = IncentiveProfile.Evaluate(changed);
        IncentiveProfileTests.AssertIncentive(profile, N.Volume, D.Down, I.FixedSumLowersVolume);
        IncentiveProfileTests.AssertIncentive(profile, N.Quality, D.Up, I.SteeringOnResultsForPopulation);
    }

    [Fact]
    public void A_whole_population_result_that_is_only_about_process_does_not_pass_point_3()
    {
        var changed = ReportArrangements.Emmen with
        {
            Results = [.. ReportArrangements.Emmen.Results, new AgreedResult("Bereik", ResultKind.Process, ResultScope.WholePopulation)],
        };

        DefinitionCheckTests.AssertPoint(DefinitionCheck.Evaluate(changed), P.ResultsForThePopulation, false, R.NoOutcomeForPopulation);
    }

    [Fact]
    public void Emmen_with_a_broad_assignment_passes_point_4_and_keeps_failing_point_3()
    {
        var changed = ReportArrangements.Emmen with { Scope = SupportScope.BroadIncludingSpecialist, Assignment = "Wmo support" };

        Assert.Equal([P.ProviderFreedom], Flipped(ReportArrangements.Emmen, changed));
        var profile = IncentiveProfile.Evaluate(changed);
        IncentiveProfileTests.AssertIncentive(profile, N.Accessibility, D.Up, I.ResponsibleForWholePopulation);
        IncentiveProfileTests.AssertIncentive(profile, N.Quality, D.Up, I.IndependentQualityMeasurement, I.WholePopulationResultsNeeded);
    }

    [Fact]
    public void Emmen_with_an_outcome_for_the_whole_area_passes_point_3_and_its_accessibility_turns_up()
    {
        var changed = ReportArrangements.Emmen with
        {
            Results = [.. ReportArrangements.Emmen.Results, new AgreedResult("Zelfstandig wonen in het gebied", ResultKind.Outcome, ResultScope.WholePopulation)],
        };

        Assert.Equal([P.ResultsForThePopulation], Flipped(ReportArrangements.Emmen, changed));
        IncentiveProfileTests.AssertIncentive(IncentiveProfile.Evaluate(changed), N.Accessibility, D.Up, I.ResponsibleForWholePopulation);
    }

    [Fact]
    public void Alphen_with_access_kept_by_the_municipality_fails_point_4_only_and_is_no_longer_population_funding()
    {
        var changed = ReportArrangements.Alphen with { Access = Access.Municipality };

        Assert.Equal([P.ProviderFreedom], Flipped(ReportArrangements.Alphen, changed));
        Assert.Equal(C.MunicipalityKeepsWhatIsNeeded, DefinitionCheck.Evaluate(changed).Classification);
    }

    [Fact]
    public void Alphen_paid_per_unit_fails_point_1_only_and_is_fee_for_service()
    {
        var changed = ReportArrangements.Alphen with { BudgetForm = BudgetForm.PerUnitDelivered };

        Assert.Equal([P.FixedSumForDelimitedPopulation], Flipped(ReportArrangements.Alphen, changed));
        var check = DefinitionCheck.Evaluate(changed);
        DefinitionCheckTests.AssertPoint(check, P.FixedSumForDelimitedPopulation, false, R.PaidPerUnit);
        Assert.Equal(C.FeeForService, check.Classification);
    }

    [Fact]
    public void Alphen_without_a_delimited_population_fails_point_1_only()
    {
        var changed = ReportArrangements.Alphen with { Population = PopulationDelimitation.None };

        Assert.Equal([P.FixedSumForDelimitedPopulation], Flipped(ReportArrangements.Alphen, changed));
        DefinitionCheckTests.AssertPoint(DefinitionCheck.Evaluate(changed), P.FixedSumForDelimitedPopulation, false, R.PopulationNotDelimited);
    }

    [Fact]
    public void Alphen_without_reports_on_its_results_fails_point_5_only_and_is_availability_funding()
    {
        var changed = ReportArrangements.Alphen with { ReportsOnResults = false };

        Assert.Equal([P.AccountsForResults], Flipped(ReportArrangements.Alphen, changed));
        var check = DefinitionCheck.Evaluate(changed);
        DefinitionCheckTests.AssertPoint(check, P.AccountsForResults, false, R.NoReportingOnResults);
        Assert.Equal(C.AvailabilityFunding, check.Classification);
    }

    [Fact]
    public void Alphen_without_results_fails_points_3_and_5_as_availability_funding()
    {
        var changed = ReportArrangements.Alphen with { Results = [] };

        Assert.Equal([P.ResultsForThePopulation, P.AccountsForResults], Flipped(ReportArrangements.Alphen, changed));
        var check = DefinitionCheck.Evaluate(changed);
        DefinitionCheckTests.AssertPoint(check, P.ResultsForThePopulation, false, R.NoResultAgreements);
        DefinitionCheckTests.AssertPoint(check, P.AccountsForResults, false, R.NoResultsToAccountFor);
        Assert.Equal(C.AvailabilityFunding, check.Classification);
    }

    [Fact]
    public void Utrecht_under_an_agreement_instead_of_a_subsidy_loses_only_the_note_that_results_cannot_be_enforced()
    {
        var changed = ReportArrangements.Utrecht with { LegalForm = LegalForm.Agreement };

        Assert.Empty(Flipped(ReportArrangements.Utrecht, changed));
        DefinitionCheckTests.AssertPoint(DefinitionCheck.Evaluate(changed), P.AccountsForResults, true, R.ReportsOnAgreedResults);
    }

    [Fact]
    public void Utrecht_without_following_referrals_keeps_the_referral_risk_without_its_answer()
    {
        var profile = IncentiveProfile.Evaluate(ReportArrangements.Utrecht with { ReferralsMonitored = false });

        IncentiveProfileTests.AssertIncentive(profile, N.Accessibility, D.Up, I.ResponsibleForWholePopulation, I.ReferralRisk);
    }

    [Fact]
    public void Alphen_with_other_providers_to_compare_loses_the_mirroring_risk()
    {
        var profile = IncentiveProfile.Evaluate(ReportArrangements.Alphen with { AreasOrProvidersToCompare = 3 });

        IncentiveProfileTests.AssertIncentive(profile, N.Quality, D.Up, I.SteeringOnResultsForPopulation);
    }

    [Fact]
    public void Emmen_without_independent_research_raises_quality_through_its_agreed_outcomes()
    {
        var profile = IncentiveProfile.Evaluate(ReportArrangements.Emmen with { ResultsCheckedBy = ResultsCheck.None });

        IncentiveProfileTests.AssertIncentive(profile, N.Quality, D.Up, I.ResultsForClientsInCare, I.WholePopulationResultsNeeded, I.IntegralityNotGuaranteed);
    }
}
