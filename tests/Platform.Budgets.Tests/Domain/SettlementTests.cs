using Platform.Budgets.Domain;

namespace Platform.Budgets.Tests.Domain;

public class SettlementTests
{
    private static readonly Incentive Strict = new("waiting-time", 90m, Comparison.GreaterThan, 10_000m, 5_000m);
    private static readonly Incentive Inclusive = Strict with { Comparison = Comparison.GreaterOrEqual };

    [Fact]
    public void At_the_boundary_a_strict_target_is_missed_and_an_inclusive_one_met()
    {
        Assert.False(Strict.IsMet(90m));
        Assert.True(Inclusive.IsMet(90m));
        Assert.True(Strict.IsMet(90.01m));
        Assert.False(new Incentive("x", 5m, Comparison.LessThan, 0, 0).IsMet(5m));
        Assert.True(new Incentive("x", 5m, Comparison.LessOrEqual, 0, 0).IsMet(5m));
    }

    [Fact]
    public void A_subsidy_never_gets_a_malus_and_says_why()
    {
        var settlement = Settlement.Settle(LegalForm.Subsidy, 120_000m, 114_000m, 6_000m, false, [(Strict, 80m)], null, 0m);

        var malus = Assert.Single(settlement.Lines, l => l.Kind == "malus");
        Assert.Equal(0m, malus.Amount);
        Assert.Contains("subsidy", malus.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void An_agreement_gets_the_malus()
    {
        var settlement = Settlement.Settle(LegalForm.Agreement, 120_000m, 114_000m, 6_000m, false, [(Strict, 80m)], null, 0m);

        Assert.Equal(-5_000m, settlement.Lines.Single(l => l.Kind == "malus").Amount);
    }

    [Fact]
    public void Shared_savings_pay_nothing_below_the_minimum_rate_and_a_share_at_it()
    {
        var savings = new SharedSavings(1_000_000m, 0.02m, 0.5m, true);

        // 1.99 % saved: nothing. Exactly 2 %: half of 20,000 = 10,000.
        Assert.Equal(0m, Settlement.SavingsLine(savings, 980_100m).Amount);
        Assert.Equal(10_000m, Settlement.SavingsLine(savings, 980_000m).Amount);
        Assert.Equal(0m, Settlement.SavingsLine(savings with { QualityGateMet = false }, 900_000m).Amount);
    }

    [Fact]
    public void A_settlement_equals_the_sum_of_its_parts()
    {
        // Budget 120,000 with 6,000 held; 114,000 paid; holdback released; bonus 10,000 (95 > 90);
        // savings 2.5 % of 100,000 at a 40 % share = 1,000. Balance 0 + 6,000 + 10,000 + 1,000 = 17,000.
        var settlement = Settlement.Settle(
            LegalForm.Agreement, 120_000m, 114_000m, 6_000m, true, [(Strict, 95m)], new SharedSavings(100_000m, 0.02m, 0.4m, true), 97_500m);

        Assert.Equal(17_000m, settlement.Balance);
        Assert.Equal(settlement.Lines.Sum(l => l.Amount), settlement.Balance);
    }
}
