using Platform.Budgets.Data;
using Platform.Budgets.Domain;
using Platform.Hosting.Results;
using Platform.Persistence.Sessions;
using Platform.Security;

namespace Platform.Budgets.Scenarios;

/// <summary>A new scenario: a name, the populations and reference date it divides a pool over, the first parameters, and why.</summary>
internal sealed record NewScenario(string? Name, DateOnly? ReferenceDate, List<Guid>? PopulationIds, ScenarioParameters? Parameters, string? Reason);

/// <summary>New parameters for a scenario (a new version over the same populations and reference date), and why.</summary>
internal sealed record ScenarioRevision(ScenarioParameters? Parameters, string? Reason);

/// <summary>
/// Prepares allocation scenarios: computes each version from the user's parameters and, for weighted
/// characteristics, the populations' characteristics as of the scenario's reference date, and stores it.
/// </summary>
internal sealed class ScenarioCommands(Database database)
{
    public const int MaxPopulations = 500;

    public async Task<Result<ScenarioView>> CreateAsync(CallerContext caller, NewScenario request, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var populations = request.PopulationIds?.Distinct().ToArray() ?? [];
        Require(errors, !string.IsNullOrWhiteSpace(request.Name) && request.Name.Length <= 200, "name", "A name of 1 to 200 characters.");
        Require(errors, request.ReferenceDate is not null, "referenceDate", "The reference date ('peildatum') of the characteristics.");
        Require(errors, populations.Length is > 0 and <= MaxPopulations, "populationIds", $"1 to {MaxPopulations} populations.");
        CheckRevision(errors, request.Parameters, request.Reason);
        if (errors.Count > 0)
        {
            return Result<ScenarioView>.Invalid(errors);
        }

        var id = Guid.CreateVersion7();
        await using var session = await database.BeginAsync(caller, ct);
        var computed = await ComputeAsync(session, populations, request.ReferenceDate!.Value, request.Parameters!, ct);
        if (computed.Errors is { } invalid)
        {
            return Result<ScenarioView>.Invalid(invalid);
        }

        await ScenarioStore.InsertScenarioAsync(session, id, caller.Municipality!, request.Name!.Trim(), request.ReferenceDate.Value, populations, ct);
        await ScenarioStore.InsertVersionAsync(session, id, 1, caller.Municipality!, request.Parameters!, computed.Pool, computed.Lines, request.Reason!.Trim(), ct);
        var view = await ScenarioStore.GetAsync(session, id, null, ct);
        await session.CommitAsync(ct);
        return Result<ScenarioView>.Done(view!);
    }

    public async Task<Result<ScenarioView>> ReviseAsync(CallerContext caller, Guid id, ScenarioRevision request, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        CheckRevision(errors, request.Parameters, request.Reason);
        if (errors.Count > 0)
        {
            return Result<ScenarioView>.Invalid(errors);
        }

        await using var session = await database.BeginAsync(caller, ct);
        if (await ScenarioStore.ForRevisionAsync(session, id, ct) is not { } current)
        {
            return Result<ScenarioView>.NotFound();
        }

        var computed = await ComputeAsync(session, current.Populations, current.ReferenceDate, request.Parameters!, ct);
        if (computed.Errors is { } invalid)
        {
            return Result<ScenarioView>.Invalid(invalid);
        }

        await ScenarioStore.InsertVersionAsync(session, id, current.Version + 1, caller.Municipality!, request.Parameters!, computed.Pool, computed.Lines, request.Reason!.Trim(), ct);
        var view = await ScenarioStore.GetAsync(session, id, null, ct);
        await session.CommitAsync(ct);
        return Result<ScenarioView>.Done(view!);
    }

    private static async Task<(IReadOnlyList<ScenarioLine> Lines, decimal Pool, Dictionary<string, string[]>? Errors)> ComputeAsync(
        DbSession session, IReadOnlyList<Guid> populationIds, DateOnly referenceDate, ScenarioParameters parameters, CancellationToken ct)
    {
        var populations = await ReadModelStore.PopulationsAsync(session, populationIds, ct);
        var unknown = populationIds.Except(populations.Select(p => p.Id)).ToArray();
        if (unknown.Length > 0)
        {
            return ([], 0, new() { ["populationIds"] = [.. unknown.Select(u => $"Population {u} is not known in this municipality.")] });
        }

        var values = parameters.Model == ScenarioModel.WeightedCharacteristics
            ? await ReadModelStore.CharacteristicsAsOfAsync(session, populations.SelectMany(p => p.Areas), referenceDate, ct)
            : [];
        var figureErrors = new List<string>();
        var (lines, errors) = ScenarioModel.Compute(parameters, populations, wanted =>
        {
            var figures = new List<AreaFigures>();
            foreach (var population in populations)
            {
                var (figure, blocked) = PopulationFigures.Of(population, wanted, values);
                figureErrors.AddRange(blocked);
                if (figure is not null)
                {
                    figures.Add(figure);
                }
            }

            return figures;
        });
        if (figureErrors.Count > 0)
        {
            // The areas that block the allocation say more than the model's complaint about the missing figures.
            return ([], 0, new() { ["allocation"] = [.. figureErrors] });
        }

        if (errors.Count > 0)
        {
            return ([], 0, new() { ["allocation"] = [.. errors] });
        }

        var pool = parameters.Model is ScenarioModel.FixedSum ? lines.Sum(l => l.Amount) : parameters.Pool;
        return (lines, pool, null);
    }

    private static void CheckRevision(Dictionary<string, string[]> errors, ScenarioParameters? parameters, string? reason)
    {
        Require(errors, parameters is not null && ScenarioModel.All.Contains(parameters.Model), "parameters.model", $"One of {string.Join(", ", ScenarioModel.All)}.");
        Require(errors, parameters is null || parameters.Model == ScenarioModel.FixedSum || parameters.Pool > 0, "parameters.pool", "A positive amount in euros.");
        Require(errors, !string.IsNullOrWhiteSpace(reason) && reason.Length <= 2000, "reason", "Why these parameters: 1 to 2000 characters.");
    }

    private static void Require(Dictionary<string, string[]> errors, bool condition, string field, string message)
    {
        if (!condition)
        {
            errors[field] = [message];
        }
    }
}
