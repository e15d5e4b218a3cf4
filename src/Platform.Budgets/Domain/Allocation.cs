namespace Platform.Budgets.Domain;

/// <summary>One area's (or population's) part of a pool.</summary>
internal sealed record AllocationLine(string Area, decimal Amount);

/// <summary>An allocation: the pool and its parts, which sum exactly to it; or why it could not be made.</summary>
internal sealed record AllocationOutcome(IReadOnlyList<AllocationLine> Lines, IReadOnlyList<string> Errors)
{
    public bool Succeeded => Errors.Count == 0;

    public decimal Total => Lines.Sum(l => l.Amount);

    public static AllocationOutcome Failed(params string[] errors) => new([], errors);

    public static AllocationOutcome Of(IReadOnlyList<string> areas, decimal pool, IReadOnlyList<decimal> weights)
    {
        var parts = Money.SplitExact(pool, weights);
        return new(areas.Select((a, i) => new AllocationLine(a, parts[i])).ToArray(), []);
    }
}

/// <summary>
/// A characteristic of an area as the populations service publishes it: either a count (e.g. households with
/// children), or a percentage of a base (e.g. % on social assistance of the inhabitants). <c>null</c> is a value CBS
/// suppressed: unknown, never zero.
/// </summary>
internal sealed record CharacteristicFigure(decimal? Value, decimal? Base = null, bool IsPercentage = false)
{
    /// <summary>The figure as a count: a percentage times its base; null when either is unknown.</summary>
    public decimal? Count => IsPercentage ? (Value is { } v && Base is { } b ? v / 100m * b : null) : Value;
}

/// <summary>The figures of one area as of the reference date, keyed by characteristic.</summary>
internal sealed record AreaFigures(string Area, IReadOnlyDictionary<string, CharacteristicFigure> Figures);

/// <summary>
/// The allocation models of the seed practices. Weights and parameters are always user input; this class only
/// computes. Amounts are euros rounded to cents (half-up); parts are split by largest remainder so they sum to the pool.
/// </summary>
internal static class AllocationModels
{
    /// <summary>
    /// Weighted characteristics (Utrecht): for each characteristic, an area's share is its count over the sum of the
    /// counts of all areas (percentages are first turned into counts with their base, so shares are weighted by base
    /// and never averaged percentages); the area's weight is the weighted sum of its shares. A suppressed figure of a
    /// weighted characteristic blocks the allocation, naming the area.
    /// </summary>
    public static AllocationOutcome WeightedCharacteristics(decimal pool, IReadOnlyDictionary<string, decimal> weights, IReadOnlyList<AreaFigures> areas)
    {
        var errors = new List<string>();
        if (pool <= 0 || pool != Money.ToCents(pool))
        {
            errors.Add("The pool must be a positive amount in whole cents.");
        }

        if (weights.Count == 0 || weights.Values.Any(w => w < 0) || weights.Values.Sum() == 0)
        {
            errors.Add("The weights must be non-negative with at least one positive.");
        }

        if (areas.Count == 0)
        {
            errors.Add("At least one area is needed.");
        }

        foreach (var area in areas)
        {
            foreach (var characteristic in weights.Keys.Where(c => weights[c] > 0))
            {
                if (!area.Figures.TryGetValue(characteristic, out var figure) || figure.Count is null)
                {
                    errors.Add($"Area {area.Area}: characteristic '{characteristic}' is suppressed or missing; the allocation cannot be made.");
                }
            }
        }

        if (errors.Count > 0)
        {
            return AllocationOutcome.Failed([.. errors]);
        }

        var totalWeight = weights.Values.Sum();
        var areaWeights = new decimal[areas.Count];
        foreach (var (characteristic, weight) in weights.Where(w => w.Value > 0))
        {
            var sum = areas.Sum(a => a.Figures[characteristic].Count!.Value);
            if (sum == 0)
            {
                return AllocationOutcome.Failed($"Characteristic '{characteristic}' is zero in every area; it cannot divide the pool.");
            }

            for (var i = 0; i < areas.Count; i++)
            {
                areaWeights[i] += weight / totalWeight * (areas[i].Figures[characteristic].Count!.Value / sum);
            }
        }

        return AllocationOutcome.Of(areas.Select(a => a.Area).ToArray(), pool, areaWeights);
    }

    /// <summary>
    /// Expected clients from history (Emmen): the pool, less a state cut when the contract passes cuts on in full,
    /// divided in proportion to the expected clients per area.
    /// </summary>
    public static AllocationOutcome ExpectedClients(decimal pool, decimal stateCut, bool passCutsOn, IReadOnlyList<(string Area, decimal ExpectedClients)> areas)
    {
        if (stateCut < 0)
        {
            return AllocationOutcome.Failed("The state cut cannot be negative.");
        }

        var effective = passCutsOn ? pool - stateCut : pool;
        if (effective <= 0 || effective != Money.ToCents(effective))
        {
            return AllocationOutcome.Failed("The pool after the state cut must be a positive amount in whole cents.");
        }

        if (areas.Count == 0 || areas.Any(a => a.ExpectedClients < 0) || areas.Sum(a => a.ExpectedClients) == 0)
        {
            return AllocationOutcome.Failed("Expected clients must be non-negative, and positive in at least one area.");
        }

        return AllocationOutcome.Of(areas.Select(a => a.Area).ToArray(), effective, areas.Select(a => a.ExpectedClients).ToArray());
    }

    /// <summary>
    /// Starting budget minus efficiency discount (Alphen): the state-fund amount less the discount (a fraction), rounded
    /// half-up to cents; the same amount every year of the term.
    /// </summary>
    public static IReadOnlyList<(int Year, decimal Amount)> StartingBudget(decimal stateFundAmount, decimal discount, int firstYear, int years)
    {
        if (stateFundAmount <= 0 || discount < 0 || discount >= 1 || years <= 0)
        {
            throw new ArgumentException("A positive amount, a discount in [0, 1) and at least one year are needed.");
        }

        var amount = Money.ToCents(stateFundAmount * (1 - discount));
        return Enumerable.Range(firstYear, years).Select(y => (y, amount)).ToArray();
    }

    /// <summary>Scenario comparison: per area, each scenario's amount and its difference to the first (the baseline).</summary>
    public static IReadOnlyList<(string Area, IReadOnlyList<decimal> Amounts, IReadOnlyList<decimal> DifferencesToFirst)> Compare(IReadOnlyList<AllocationOutcome> scenarios)
    {
        var areas = scenarios.SelectMany(s => s.Lines.Select(l => l.Area)).Distinct().Order(StringComparer.Ordinal).ToArray();
        return areas.Select(area =>
        {
            var amounts = scenarios.Select(s => s.Lines.FirstOrDefault(l => l.Area == area)?.Amount ?? 0m).ToArray();
            IReadOnlyList<decimal> amountList = amounts;
            IReadOnlyList<decimal> differences = amounts.Select(a => a - amounts[0]).ToArray();
            return (area, amountList, differences);
        }).ToArray();
    }
}
