namespace Platform.Budgets.Domain;

/// <summary>
/// The user-entered parameters of one scenario version. Which fields count depends on <see cref="Model"/>:
/// <list type="bullet">
/// <item><c>weighted-characteristics</c> (Utrecht): <see cref="Pool"/> and <see cref="Weights"/> per characteristic;</item>
/// <item><c>expected-clients</c> (Emmen): <see cref="Pool"/>, <see cref="PerPopulation"/> as expected clients, and a
/// <see cref="StateCut"/> passed on in full when <see cref="PassCutsOn"/>;</item>
/// <item><c>starting-budget</c> (Alphen): <see cref="Pool"/> as the state-fund ("meicirculaire") amount less the
/// efficiency <see cref="Discount"/>, split by <see cref="PerPopulation"/> (equally when none is given);</item>
/// <item><c>fixed-sum</c>: <see cref="PerPopulation"/> as the amount of each population, set by hand.</item>
/// </list>
/// </summary>
internal sealed record ScenarioParameters(
    string Model,
    decimal Pool,
    IReadOnlyDictionary<string, decimal>? Weights = null,
    IReadOnlyDictionary<Guid, decimal>? PerPopulation = null,
    decimal StateCut = 0,
    bool PassCutsOn = false,
    decimal Discount = 0);

/// <summary>One population's part of a scenario.</summary>
internal sealed record ScenarioLine(Guid PopulationId, decimal Amount);

/// <summary>Computes a scenario version's lines from its parameters and, for weighted characteristics, the populations' figures.</summary>
internal static class ScenarioModel
{
    public const string WeightedCharacteristics = "weighted-characteristics";
    public const string ExpectedClients = "expected-clients";
    public const string StartingBudget = "starting-budget";
    public const string FixedSum = "fixed-sum";

    public static readonly IReadOnlyList<string> All = [WeightedCharacteristics, ExpectedClients, StartingBudget, FixedSum];

    /// <summary>
    /// The lines, which sum exactly to the scenario's total, or the errors that block it.
    /// <paramref name="figures"/> gives each population's counts (weighted characteristics only).
    /// </summary>
    public static (IReadOnlyList<ScenarioLine> Lines, IReadOnlyList<string> Errors) Compute(
        ScenarioParameters parameters, IReadOnlyList<PopulationAreas> populations, Func<IReadOnlyCollection<string>, IReadOnlyList<AreaFigures>>? figures = null)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var ids = populations.Select(p => p.Id).ToArray();
        var outcome = parameters.Model switch
        {
            WeightedCharacteristics => Weighted(parameters, figures),
            ExpectedClients => AllocationModels.ExpectedClients(
                parameters.Pool, parameters.StateCut, parameters.PassCutsOn, [.. ids.Select(id => (id.ToString(), Entered(parameters, id)))]),
            StartingBudget => Starting(parameters, ids),
            FixedSum => Fixed(parameters, ids),
            _ => AllocationOutcome.Failed($"The model must be one of {string.Join(", ", All)}."),
        };
        return outcome.Succeeded
            ? ([.. outcome.Lines.Select(l => new ScenarioLine(Guid.Parse(l.Area), l.Amount))], [])
            : ([], outcome.Errors);
    }

    private static AllocationOutcome Weighted(ScenarioParameters parameters, Func<IReadOnlyCollection<string>, IReadOnlyList<AreaFigures>>? figures)
    {
        var weights = parameters.Weights ?? new Dictionary<string, decimal>();
        if (weights.Keys.FirstOrDefault(PopulationFigures.MeanScores.Contains) is { } score)
        {
            return AllocationOutcome.Failed($"Characteristic '{score}' is a mean score; only counts and shares can divide a pool.");
        }

        var wanted = weights.Where(w => w.Value > 0).Select(w => w.Key).ToArray();
        return AllocationModels.WeightedCharacteristics(parameters.Pool, weights, figures?.Invoke(wanted) ?? []);
    }

    private static AllocationOutcome Starting(ScenarioParameters parameters, Guid[] ids)
    {
        if (parameters.Pool <= 0 || parameters.Discount < 0 || parameters.Discount >= 1)
        {
            return AllocationOutcome.Failed("A positive state-fund amount and an efficiency discount in [0, 1) are needed.");
        }

        var amount = AllocationModels.StartingBudget(parameters.Pool, parameters.Discount, 1, 1)[0].Amount;
        var shares = parameters.PerPopulation is null ? ids.Select(_ => 1m).ToArray() : ids.Select(id => Entered(parameters, id)).ToArray();
        return shares.Any(s => s < 0) || shares.Sum() == 0
            ? AllocationOutcome.Failed("The shares per population must be non-negative, and positive for at least one.")
            : AllocationOutcome.Of([.. ids.Select(id => id.ToString())], amount, shares);
    }

    private static AllocationOutcome Fixed(ScenarioParameters parameters, Guid[] ids)
    {
        var amounts = ids.Select(id => Entered(parameters, id)).ToArray();
        if (amounts.Any(a => a < 0 || a != Money.ToCents(a)) || amounts.Sum() <= 0)
        {
            return AllocationOutcome.Failed("Each population's amount must be non-negative whole cents, with a positive total.");
        }

        return new([.. ids.Select((id, i) => new AllocationLine(id.ToString(), amounts[i]))], []);
    }

    // A population the user entered nothing for gets nothing: never a guess.
    private static decimal Entered(ScenarioParameters parameters, Guid population) =>
        parameters.PerPopulation?.GetValueOrDefault(population) ?? 0m;
}
