namespace Platform.Contracts.Tests.DefinitionCheck;

using Platform.Contracts.Domain.DefinitionCheck;
using D = Platform.Contracts.Domain.DefinitionCheck.Direction;
using I = Platform.Contracts.Domain.DefinitionCheck.IncentiveReason;
using N = Platform.Contracts.Domain.DefinitionCheck.Incentive;

/// <summary>The report's incentive table (arrows and reasons) for Utrecht, Alphen aan den Rijn and Emmen, and the other forms.</summary>
public sealed class IncentiveProfileTests
{
    internal static void AssertIncentive(IncentiveProfileResult profile, N incentive, D direction, params I[] reasons)
    {
        var result = profile[incentive];
        Assert.True(direction == result.Direction, $"{incentive} should point {direction}, not {result.Direction}.");
        Assert.Equal(reasons, result.Codes);
        Assert.All(result.Reasons, r => Assert.False(string.IsNullOrWhiteSpace(r.Text)));
    }

    private static string Text(IncentiveProfileResult profile, N incentive, I reason) =>
        profile[incentive].Reasons.Single(r => r.Code == reason).Text;

    [Fact]
    public void Utrecht_lowers_volume_and_input_raises_quality_and_access_with_the_risks_the_report_names()
    {
        var profile = IncentiveProfile.Evaluate(ReportArrangements.Utrecht);

        AssertIncentive(profile, N.Volume, D.Down, I.FixedSumLowersVolume, I.UnderProductionRisk);
        AssertIncentive(profile, N.InputPerClient, D.Down, I.CombinesCareAndTailoredSolutions);
        AssertIncentive(profile, N.Quality, D.Up, I.ResultsForClientsInCare, I.ProcessFocusRisk, I.WholePopulationResultsNeeded);
        AssertIncentive(profile, N.Accessibility, D.Up, I.ResponsibleForWholePopulation, I.ReferralRisk, I.ReferralsMonitored);

        Assert.Contains("onderproductie", Text(profile, N.Volume, I.UnderProductionRisk), StringComparison.Ordinal);
        Assert.Contains("aanvullend aanbod", Text(profile, N.InputPerClient, I.CombinesCareAndTailoredSolutions), StringComparison.Ordinal);
        Assert.Contains("on Klanttevredenheid", Text(profile, N.Quality, I.ResultsForClientsInCare), StringComparison.Ordinal);
        Assert.Contains("preventie en vroegsignalering", Text(profile, N.Quality, I.WholePopulationResultsNeeded), StringComparison.Ordinal);
        Assert.Contains("afwenteling", Text(profile, N.Accessibility, I.ReferralRisk), StringComparison.Ordinal);
    }

    [Fact]
    public void Alphen_lowers_volume_through_prevention_in_a_broad_responsibility_and_risks_too_little_to_mirror()
    {
        var profile = IncentiveProfile.Evaluate(ReportArrangements.Alphen);

        AssertIncentive(profile, N.Volume, D.Down, I.FixedSumLowersVolume, I.PreventionWithinBroadResponsibility);
        AssertIncentive(profile, N.InputPerClient, D.Down, I.VolunteersIntegrationAndInnovation);
        AssertIncentive(profile, N.Quality, D.Up, I.SteeringOnResultsForPopulation, I.LittleRoomToMirror);
        AssertIncentive(profile, N.Accessibility, D.Up, I.ResponsibleForWholePopulation, I.LowThresholdNeighbourhoodWork);

        Assert.Contains("and checking that they are reached for the population", Text(profile, N.Quality, I.SteeringOnResultsForPopulation), StringComparison.Ordinal);
        Assert.Contains("spiegelen", Text(profile, N.Quality, I.LittleRoomToMirror), StringComparison.Ordinal);
        Assert.Contains("vrijwilligers", Text(profile, N.InputPerClient, I.VolunteersIntegrationAndInnovation), StringComparison.Ordinal);
        Assert.Contains("laagdrempelig en buurtgericht", Text(profile, N.Accessibility, I.LowThresholdNeighbourhoodWork), StringComparison.Ordinal);
    }

    [Fact]
    public void Emmen_lowers_volume_and_input_raises_quality_through_independent_measurement_and_lowers_access()
    {
        var profile = IncentiveProfile.Evaluate(ReportArrangements.Emmen);

        AssertIncentive(profile, N.Volume, D.Down, I.FixedSumLowersVolume, I.UnderProductionRisk);
        AssertIncentive(profile, N.InputPerClient, D.Down, I.InputMatchedToNeed);
        AssertIncentive(profile, N.Quality, D.Up, I.IndependentQualityMeasurement, I.WholePopulationResultsNeeded, I.IntegralityNotGuaranteed);
        AssertIncentive(profile, N.Accessibility, D.Down, I.AccessDependsOnPopulationDefinition);

        Assert.Contains("hulp bij het huishouden", Text(profile, N.Volume, I.UnderProductionRisk), StringComparison.Ordinal);
        Assert.Contains("onafhankelijke kwaliteitsmetingen", Text(profile, N.Quality, I.IndependentQualityMeasurement), StringComparison.Ordinal);
        Assert.Contains("new clients", Text(profile, N.Accessibility, I.AccessDependsOnPopulationDefinition), StringComparison.Ordinal);
    }

    [Fact]
    public void Every_profile_has_the_four_incentives_in_the_reports_order()
    {
        Arrangement[] all = [ReportArrangements.Utrecht, ReportArrangements.Alphen, ReportArrangements.Emmen, ReportArrangements.Venlo, ReportArrangements.Rotterdam];

        Assert.All(all, a => Assert.Equal(
            [N.Volume, N.InputPerClient, N.Quality, N.Accessibility],
            IncentiveProfile.Evaluate(a).Incentives.Select(i => i.Incentive)));
    }

    [Fact]
    public void Rotterdam_pays_per_client_but_its_own_access_holds_the_volume_back()
    {
        var profile = IncentiveProfile.Evaluate(ReportArrangements.Rotterdam);

        AssertIncentive(profile, N.Volume, D.None, I.IndependentAccessHoldsVolume);
        AssertIncentive(profile, N.Quality, D.Up, I.PaidForResults);

        var providerAccess = IncentiveProfile.Evaluate(ReportArrangements.Rotterdam with { Access = Access.Provider });
        AssertIncentive(providerAccess, N.Volume, D.Up, I.PaidPerClientRaisesVolume);
    }

    [Fact]
    public void Paying_per_unit_drives_volume_and_input_up_and_leaves_quality_and_access_unscored()
    {
        var profile = IncentiveProfile.Evaluate(ReportArrangements.Emmen with { BudgetForm = BudgetForm.PerUnitDelivered });

        AssertIncentive(profile, N.Volume, D.Up, I.PaidPerUnitRaisesVolume);
        AssertIncentive(profile, N.InputPerClient, D.Up, I.PaidPerUnitRaisesInput);
        AssertIncentive(profile, N.Quality, D.None, I.NotAssessedForForm);
        AssertIncentive(profile, N.Accessibility, D.None, I.NotAssessedForForm);
    }

    [Fact]
    public void A_fixed_sum_without_results_is_availability_funding_with_quality_and_access_pushed_down()
    {
        var profile = IncentiveProfile.Evaluate(ReportArrangements.Alphen with { Results = [] });

        AssertIncentive(profile, N.Volume, D.Down, I.FixedSumLowersVolume, I.PreventionWithinBroadResponsibility, I.NoResultsAgainstUnderProduction);
        AssertIncentive(profile, N.InputPerClient, D.Down, I.FixedSumPressesInput);
        AssertIncentive(profile, N.Quality, D.Down, I.NoResultSteering);
        AssertIncentive(profile, N.Accessibility, D.Down, I.ComplexClientsReferredOn);
    }
}
