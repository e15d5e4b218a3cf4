using Platform.Budgets.Domain;

namespace Platform.Budgets.Tests.Domain;

public class AllocationTests
{
    private static AreaFigures Area(string code, params (string Characteristic, CharacteristicFigure Figure)[] figures) =>
        new(code, figures.ToDictionary(f => f.Characteristic, f => f.Figure));

    [Fact]
    public void Weighted_characteristics_weigh_percentages_by_their_base()
    {
        // Assistance: A 10 % of 1,000 = 100, B 20 % of 4,000 = 800 => shares 1/9 and 8/9 (the averaged percentages
        // would give 1/3 and 2/3). Households with children: A 300, B 100 => 3/4 and 1/4.
        // Weights 1 and 1: A = (1/9 + 3/4) / 2 = 31/72; of 72,000.00 => A 31,000.00, B 41,000.00.
        var outcome = AllocationModels.WeightedCharacteristics(
            72_000m,
            new Dictionary<string, decimal> { ["assistance"] = 1, ["households-with-children"] = 1 },
            [
                Area("BU00010001", ("assistance", new(10, 1000, true)), ("households-with-children", new(300))),
                Area("BU00010002", ("assistance", new(20, 4000, true)), ("households-with-children", new(100))),
            ]);

        Assert.True(outcome.Succeeded);
        Assert.Equal(31_000m, outcome.Lines[0].Amount);
        Assert.Equal(41_000m, outcome.Lines[1].Amount);
    }

    [Fact]
    public void A_suppressed_characteristic_blocks_the_allocation_naming_the_area()
    {
        var outcome = AllocationModels.WeightedCharacteristics(
            1_000m,
            new Dictionary<string, decimal> { ["assistance"] = 1 },
            [
                Area("BU00010001", ("assistance", new(10, 1000, true))),
                Area("BU00010002", ("assistance", new(null, 4000, true))),
            ]);

        Assert.False(outcome.Succeeded);
        Assert.Empty(outcome.Lines);
        Assert.Contains(outcome.Errors, e => e.Contains("BU00010002", StringComparison.Ordinal) && e.Contains("suppressed", StringComparison.Ordinal));
    }

    [Fact]
    public void Parts_sum_exactly_to_the_pool_by_largest_remainder()
    {
        // 100.00 over three equal areas: 33.33 each and the one cent left to the first (ties by order).
        var parts = Money.SplitExact(100m, [1m, 1m, 1m]);

        Assert.Equal([33.34m, 33.33m, 33.33m], parts);
        Assert.Equal(100m, parts.Sum());
    }

    [Fact]
    public void The_largest_remainder_gets_the_left_over_cent()
    {
        // 0.10 over weights 1, 2, 7: exact 1, 2, 7 cents; 0.11 over 1, 2, 8 (sum 11): 1, 2, 8 cents.
        // 0.05 over 1, 1, 2 => exact 1.25, 1.25, 2.5 cents => floors 1, 1, 2 and the 1 left cent to the 0.5 remainder.
        var parts = Money.SplitExact(0.05m, [1m, 1m, 2m]);

        Assert.Equal([0.01m, 0.01m, 0.03m], parts);
    }

    [Fact]
    public void Expected_clients_pass_a_state_cut_on_in_full_when_the_contract_says_so()
    {
        // 1,000,000 less a cut of 100,000 over 30 and 60 expected clients => 300,000 and 600,000.
        var passed = AllocationModels.ExpectedClients(1_000_000m, 100_000m, true, [("A", 30), ("B", 60)]);
        var kept = AllocationModels.ExpectedClients(1_000_000m, 100_000m, false, [("A", 30), ("B", 60)]);

        Assert.Equal([300_000m, 600_000m], passed.Lines.Select(l => l.Amount));
        Assert.Equal(1_000_000m, kept.Total);
    }

    [Fact]
    public void Starting_budget_less_the_efficiency_discount_is_fixed_for_the_term()
    {
        // 2,345,678.90 less 3 % = 2,275,308.533 => 2,275,308.53 in each of four years.
        var years = AllocationModels.StartingBudget(2_345_678.90m, 0.03m, 2025, 4);

        Assert.Equal(4, years.Count);
        Assert.All(years, y => Assert.Equal(2_275_308.53m, y.Amount));
        Assert.Equal(2028, years[^1].Year);
    }

    [Fact]
    public void Scenarios_are_compared_per_area_against_the_first()
    {
        var first = AllocationModels.ExpectedClients(900m, 0, false, [("A", 1), ("B", 2)]);
        var second = AllocationModels.ExpectedClients(900m, 0, false, [("A", 1), ("B", 1)]);

        var comparison = AllocationModels.Compare([first, second]);

        Assert.Equal(150m, comparison.Single(c => c.Area == "A").DifferencesToFirst[1]);
        Assert.Equal(-150m, comparison.Single(c => c.Area == "B").DifferencesToFirst[1]);
    }
}
