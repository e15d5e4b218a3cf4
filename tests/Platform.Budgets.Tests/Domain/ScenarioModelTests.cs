using Platform.Budgets.Domain;

namespace Platform.Budgets.Tests.Domain;

public class ScenarioModelTests
{
    private static readonly PopulationAreas West = new(Guid.Parse("00000000-0000-0000-0000-000000000001"), "West", ["BU01", "BU02"]);
    private static readonly PopulationAreas East = new(Guid.Parse("00000000-0000-0000-0000-000000000002"), "East", ["BU03"]);

    [Fact]
    public void A_population_counts_the_shares_of_its_areas_by_their_base_never_averaging_them()
    {
        var values = Areas(("BU01", 1000, 0.1), ("BU02", 3000, 0.3));

        var (figures, errors) = PopulationFigures.Of(West, ["inhabitants", "social_isolation_share"], values);

        Assert.Empty(errors);
        Assert.Equal(4000m, figures!.Figures["inhabitants"].Count);
        // 100 + 900 isolated, not the average share 0.2 × 4000 = 800.
        Assert.Equal(1000m, figures.Figures["social_isolation_share"].Count);
    }

    [Fact]
    public void A_suppressed_share_or_its_missing_base_blocks_naming_the_area_and_a_missing_area_too()
    {
        var values = Areas(("BU01", 1000, null), ("BU03", null, 0.2));

        var (west, westErrors) = PopulationFigures.Of(West, ["social_isolation_share"], values);
        var (_, eastErrors) = PopulationFigures.Of(East, ["social_isolation_share"], values);

        Assert.Null(west);
        Assert.Equal(2, westErrors.Count);
        Assert.Contains("Area BU01", westErrors[0], StringComparison.Ordinal);
        Assert.Contains("Area BU02", westErrors[1], StringComparison.Ordinal);
        Assert.Contains("Area BU03", Assert.Single(eastErrors), StringComparison.Ordinal);
    }

    [Fact]
    public void Expected_clients_pass_the_state_cut_on_when_the_contract_says_so()
    {
        var parameters = new ScenarioParameters(ScenarioModel.ExpectedClients, 10_000_000m,
            PerPopulation: new Dictionary<Guid, decimal> { [West.Id] = 150, [East.Id] = 50 }, StateCut: 400_000m, PassCutsOn: true);

        var (lines, errors) = ScenarioModel.Compute(parameters, [West, East]);

        Assert.Empty(errors);
        Assert.Equal([7_200_000m, 2_400_000m], lines.Select(l => l.Amount));
    }

    [Fact]
    public void A_starting_budget_less_its_discount_is_split_equally_when_no_shares_are_given()
    {
        var (lines, errors) = ScenarioModel.Compute(new ScenarioParameters(ScenarioModel.StartingBudget, 7_000_000.01m, Discount: 0.2m), [West, East]);

        Assert.Empty(errors);
        // 7,000,000.01 × 0.8 = 5,600,000.008 → 5,600,000.01; the odd cent goes to the first by order.
        Assert.Equal([2_800_000.01m, 2_800_000.00m], lines.Select(l => l.Amount));
    }

    [Fact]
    public void A_mean_score_cannot_divide_a_pool_and_a_fixed_sum_needs_whole_cents()
    {
        var score = ScenarioModel.Compute(
            new ScenarioParameters(ScenarioModel.WeightedCharacteristics, 100m, new Dictionary<string, decimal> { ["ses_score"] = 1m }), [West], _ => []);
        var cents = ScenarioModel.Compute(
            new ScenarioParameters(ScenarioModel.FixedSum, 0m, PerPopulation: new Dictionary<Guid, decimal> { [West.Id] = 10.001m }), [West]);

        Assert.Contains("mean score", Assert.Single(score.Errors), StringComparison.Ordinal);
        Assert.Single(cents.Errors);
    }

    private static Dictionary<string, IReadOnlyDictionary<string, double?>> Areas(params (string Area, double? Inhabitants, double? Isolation)[] areas) =>
        areas.ToDictionary(
            a => a.Area,
            a => (IReadOnlyDictionary<string, double?>)new Dictionary<string, double?> { ["inhabitants"] = a.Inhabitants, ["social_isolation_share"] = a.Isolation });
}
