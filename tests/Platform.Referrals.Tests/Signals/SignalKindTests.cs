using Platform.Referrals.Domain.Intake;
using Platform.Referrals.Domain.Signals;

namespace Platform.Referrals.Tests.Signals;

public class SignalKindTests
{
    [Theory]
    [InlineData(DestinationType.SpecialistYouthCare, SignalKind.CostShifting)]
    [InlineData(DestinationType.LongTermCareAct, SignalKind.CostShifting)]
    [InlineData(DestinationType.HealthInsuranceAct, SignalKind.CostShifting)]
    [InlineData(DestinationType.OtherMunicipalDomain, SignalKind.CostShifting)]
    [InlineData(DestinationType.DebtHelp, SignalKind.CostShifting)]
    [InlineData(DestinationType.PersonalBudget, SignalKind.PersonalBudgetOutflow)]
    [InlineData(DestinationType.SupplementaryCareCategory, null)]
    [InlineData(DestinationType.Other, null)]
    public void Referrals_out_of_the_budget_count_towards_a_signal(DestinationType destination, SignalKind? kind) =>
        Assert.Equal(kind, SignalKinds.ForDestination(destination));

    [Fact]
    public void Only_an_end_with_outflow_to_another_domain_is_cost_shifting()
    {
        Assert.Equal(SignalKind.CostShifting, SignalKinds.ForEnding(EndReason.OutflowToOtherDomain));
        Assert.Null(SignalKinds.ForEnding(EndReason.MovedToOtherProvider));
    }
}
