namespace Platform.Budgets.Domain;

/// <summary>
/// How a budget follows prices, as the contract's clause says: <c>none</c> (the contract fixes the sum), or the
/// standard Wmo contract's method read <c>compounded</c> (the default) or <c>additive</c> (VNG's published reading),
/// with the index components of each year after the scenario's, in order.
/// </summary>
internal sealed record IndexationClause(string Method, IReadOnlyList<IReadOnlyList<IndexComponent>>? Years = null)
{
    public const string None = "none";
    public const string Compounded = "compounded";
    public const string Additive = "additive";

    public static IndexationClause Fixed { get; } = new(None);
}

/// <summary>A budget's amounts: the scenario's base for the contract's populations, indexed, and split back per population.</summary>
internal sealed record BudgetFigures(decimal BaseAmount, decimal Amount, IReadOnlyList<decimal> IndexPerYear, IReadOnlyDictionary<Guid, decimal> PerPopulation);

internal static class BudgetAmount
{
    /// <summary>
    /// The base is the sum of the scenario's lines for the contract's populations; every one of them must be in the
    /// scenario. Each year's index applies to the previous year's amount, rounded to cents each year; the indexed
    /// amount is split over the populations in proportion to their base, so the parts sum exactly to it.
    /// </summary>
    public static (BudgetFigures? Figures, IReadOnlyList<string> Errors) From(
        IReadOnlyList<ScenarioLine> scenario, IReadOnlyList<Guid> contractPopulations, IndexationClause clause)
    {
        ArgumentNullException.ThrowIfNull(clause);
        var errors = new List<string>();
        var lines = new List<ScenarioLine>();
        foreach (var population in contractPopulations.Distinct())
        {
            if (scenario.FirstOrDefault(l => l.PopulationId == population) is { } line)
            {
                lines.Add(line);
            }
            else
            {
                errors.Add($"Population {population} of the contract is not in the scenario.");
            }
        }

        var indexes = Indexes(clause, errors);
        if (errors.Count > 0)
        {
            return (null, errors);
        }

        var baseAmount = lines.Sum(l => l.Amount);
        if (baseAmount <= 0)
        {
            return (null, ["The scenario gives the contract's populations nothing."]);
        }

        var amount = Indexation.Years(baseAmount, indexes)[^1];
        var parts = Money.SplitExact(amount, [.. lines.Select(l => l.Amount)]);
        return (new BudgetFigures(baseAmount, amount, indexes, lines.Select((l, i) => (l.PopulationId, parts[i])).ToDictionary()), []);
    }

    private static List<decimal> Indexes(IndexationClause clause, List<string> errors)
    {
        var years = clause.Years ?? [];
        switch (clause.Method)
        {
            case IndexationClause.None when years.Count == 0:
                return [];
            case IndexationClause.None:
                errors.Add("Indexation 'none' takes no index years: the contract fixes the sum.");
                return [];
            case IndexationClause.Compounded or IndexationClause.Additive:
                var indexes = new List<decimal>();
                foreach (var components in years)
                {
                    if (components.Count == 0 || components.Any(c => c.Weight < 0) || components.Sum(c => c.Weight) != 1m)
                    {
                        errors.Add("Each year's index components need non-negative weights that sum to 1.");
                        return [];
                    }

                    indexes.Add(clause.Method == IndexationClause.Compounded ? Indexation.Compounded(components) : Indexation.Additive(components));
                }

                return indexes;
            default:
                errors.Add($"Indexation must be {IndexationClause.None}, {IndexationClause.Compounded} or {IndexationClause.Additive}.");
                return [];
        }
    }
}
