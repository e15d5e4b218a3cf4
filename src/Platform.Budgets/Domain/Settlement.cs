namespace Platform.Budgets.Domain;

/// <summary>The legal form of the contract; a subsidy cannot enforce a malus (funding-rules §2.0).</summary>
internal enum LegalForm
{
    Subsidy,
    Agreement,
}

/// <summary>How a KPI result is compared with its target: strictly (&gt;) or inclusively (≥); for lower-is-better, &lt; or ≤.</summary>
internal enum Comparison
{
    GreaterThan,
    GreaterOrEqual,
    LessThan,
    LessOrEqual,
}

/// <summary>An incentive of a result agreement: a bonus when the target is met, a malus when it is not.</summary>
internal sealed record Incentive(string Agreement, decimal Target, Comparison Comparison, decimal Bonus, decimal Malus)
{
    public bool IsMet(decimal result) => Comparison switch
    {
        Comparison.GreaterThan => result > Target,
        Comparison.GreaterOrEqual => result >= Target,
        Comparison.LessThan => result < Target,
        Comparison.LessOrEqual => result <= Target,
        _ => throw new ArgumentOutOfRangeException(nameof(result)),
    };
}

/// <summary>Shared savings: savings against a benchmark pay out a share when they reach the minimum rate and quality holds.</summary>
internal sealed record SharedSavings(decimal Benchmark, decimal MinimumRate, decimal Share, bool QualityGateMet);

/// <summary>One line of a settlement, with its reason.</summary>
internal sealed record SettlementLine(string Kind, decimal Amount, string Reason);

/// <summary>A contract's year-end settlement: its lines, and the balance still due to the provider (negative: owed back).</summary>
internal sealed record SettlementResult(IReadOnlyList<SettlementLine> Lines)
{
    public decimal Balance => Lines.Sum(l => l.Amount);
}

/// <summary>
/// The settlement of a contract and year. Its balance is the sum of its lines: budget, minus instalments paid, holdback
/// released (or withheld, then zero), bonus, malus (refused under a subsidy, with the reason), shared savings.
/// </summary>
internal static class Settlement
{
    public static SettlementResult Settle(
        LegalForm form,
        decimal budget,
        decimal paid,
        decimal heldBack,
        bool holdbackReleased,
        IReadOnlyList<(Incentive Incentive, decimal Result)> results,
        SharedSavings? savings,
        decimal actualSpend)
    {
        var lines = new List<SettlementLine>
        {
            new("budget", budget - heldBack, "the year's budget less the holdback"),
            new("instalments", -paid, "instalments paid"),
            new("holdback", holdbackReleased ? heldBack : 0m, holdbackReleased ? "released after a met audit" : "withheld: no met audit"),
        };

        foreach (var (incentive, result) in results)
        {
            if (incentive.IsMet(result))
            {
                lines.Add(new("bonus", Money.ToCents(incentive.Bonus), $"{incentive.Agreement}: {result} met the target {incentive.Target}"));
            }
            else if (incentive.Malus > 0 && form == LegalForm.Subsidy)
            {
                lines.Add(new("malus", 0m, $"{incentive.Agreement}: malus refused, a subsidy cannot enforce a malus"));
            }
            else if (incentive.Malus > 0)
            {
                lines.Add(new("malus", -Money.ToCents(incentive.Malus), $"{incentive.Agreement}: {result} missed the target {incentive.Target}"));
            }
        }

        if (savings is not null)
        {
            lines.Add(SavingsLine(savings, actualSpend));
        }

        return new SettlementResult(lines);
    }

    public static SettlementLine SavingsLine(SharedSavings savings, decimal actualSpend)
    {
        if (savings.Benchmark <= 0)
        {
            return new("shared-savings", 0m, "no benchmark");
        }

        var saved = savings.Benchmark - actualSpend;
        var rate = saved / savings.Benchmark;
        if (rate < savings.MinimumRate)
        {
            return new("shared-savings", 0m, $"savings rate {rate:P2} below the minimum {savings.MinimumRate:P2}");
        }

        if (!savings.QualityGateMet)
        {
            return new("shared-savings", 0m, "quality gate not met: payout set to zero");
        }

        return new("shared-savings", Money.ToCents(saved * savings.Share), $"share {savings.Share:P0} of savings {saved}");
    }
}
