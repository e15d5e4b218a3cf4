using Platform.Budgets.Domain;

namespace Platform.Budgets.Tests.Domain;

public class BudgetAmountTests
{
    private static readonly Guid North = Guid.NewGuid();
    private static readonly Guid South = Guid.NewGuid();
    private static readonly Guid Elsewhere = Guid.NewGuid();

    private static readonly ScenarioLine[] Scenario = [new(North, 600_000m), new(South, 400_000m), new(Elsewhere, 123m)];

    private static readonly IReadOnlyList<IReadOnlyList<IndexComponent>> TwoYears =
    [
        [new("ova", 0.9m, 0.0418m, 0.0101m), new("pcc", 0.1m, 0.0182m, 0.005756m)],
        [new("ova", 1m, 0.02m, 0m)],
    ];

    [Fact]
    public void Only_the_contracts_populations_count_and_no_indexation_keeps_the_sum()
    {
        var (figures, errors) = BudgetAmount.From(Scenario, [North, South], IndexationClause.Fixed);

        Assert.Empty(errors);
        Assert.Equal(1_000_000m, figures!.Amount);
        Assert.Equal(600_000m, figures.PerPopulation[North]);
    }

    [Fact]
    public void Each_year_compounds_on_the_previous_rounded_year_and_the_additive_reading_gives_less()
    {
        var (compounded, _) = BudgetAmount.From(Scenario, [North, South], new IndexationClause(IndexationClause.Compounded, TwoYears));
        var (additive, _) = BudgetAmount.From(Scenario, [North, South], new IndexationClause(IndexationClause.Additive, TwoYears));

        // 1,049,496.04 after the first year, × 1.02 = 1,070,485.9608 → 1,070,485.96.
        Assert.Equal(1_070_485.96m, compounded!.Amount);
        // Forecast and correction added (VNG): 0.9 × 5.19 % + 0.1 × 2.3956 % = 4.91056 %, so 1,049,105.60, then × 1.02 = 1,070,087.712.
        Assert.Equal(1_070_087.71m, additive!.Amount);
        Assert.Equal(compounded.Amount, compounded.PerPopulation.Values.Sum());
    }

    [Fact]
    public void A_population_outside_the_scenario_bad_weights_or_years_under_none_are_refused()
    {
        Assert.Contains("not in the scenario", Assert.Single(BudgetAmount.From(Scenario, [North, Guid.NewGuid()], IndexationClause.Fixed).Errors), StringComparison.Ordinal);
        Assert.Single(BudgetAmount.From(Scenario, [North], new IndexationClause(IndexationClause.Compounded, [[new("ova", 0.8m, 0.02m, 0m)]])).Errors);
        Assert.Single(BudgetAmount.From(Scenario, [North], new IndexationClause(IndexationClause.None, TwoYears)).Errors);
        Assert.Single(BudgetAmount.From(Scenario, [North], new IndexationClause("monthly")).Errors);
    }
}
