using Platform.Budgets.Data;
using Platform.Budgets.Domain;
using Platform.Hosting.Results;
using Platform.Persistence.Sessions;
using Platform.Security;

namespace Platform.Budgets.Scenarios;

/// <summary>A compared scenario, at the version compared.</summary>
internal sealed record ComparedScenario(Guid Id, string Name, int Version, string Model, decimal Total);

/// <summary>One population's amount in each scenario, and each amount's difference to the first scenario's.</summary>
internal sealed record ComparisonRow(Guid PopulationId, string PopulationName, IReadOnlyList<decimal> Amounts, IReadOnlyList<decimal> DifferencesToFirst);

/// <summary>Scenarios side by side over the same populations and reference date; the first is the baseline.</summary>
internal sealed record ScenarioComparison(DateOnly ReferenceDate, IReadOnlyList<ComparedScenario> Scenarios, IReadOnlyList<ComparisonRow> Rows);

internal static class ScenarioComparisons
{
    public const int MaxScenarios = 10;

    public static async Task<Result<ScenarioComparison>> CompareAsync(Database database, CallerContext caller, IReadOnlyList<Guid> ids, CancellationToken ct)
    {
        if (ids.Count is < 2 or > MaxScenarios || ids.Distinct().Count() != ids.Count)
        {
            return Result<ScenarioComparison>.Invalid(new Dictionary<string, string[]> { ["ids"] = [$"2 to {MaxScenarios} different scenarios."] });
        }

        var scenarios = new List<ScenarioView>();
        await using (var session = await database.BeginAsync(caller, ct))
        {
            foreach (var id in ids)
            {
                if (await ScenarioStore.GetAsync(session, id, null, ct) is not { } scenario)
                {
                    return Result<ScenarioComparison>.NotFound();
                }

                scenarios.Add(scenario);
            }
        }

        var first = scenarios[0];
        if (scenarios.Any(s => s.ReferenceDate != first.ReferenceDate || !s.PopulationIds.Order().SequenceEqual(first.PopulationIds.Order())))
        {
            return Result<ScenarioComparison>.Invalid(new Dictionary<string, string[]>
            {
                ["ids"] = ["Scenarios are compared only over the same populations and reference date."],
            });
        }

        var names = first.Lines.ToDictionary(l => l.PopulationId.ToString(), l => l.PopulationName, StringComparer.Ordinal);
        var outcomes = scenarios.Select(s => new AllocationOutcome([.. s.Lines.Select(l => new AllocationLine(l.PopulationId.ToString(), l.Amount))], [])).ToArray();
        var rows = AllocationModels.Compare(outcomes)
            .Select(r => new ComparisonRow(Guid.Parse(r.Area), names.GetValueOrDefault(r.Area, r.Area), r.Amounts, r.DifferencesToFirst))
            .OrderBy(r => r.PopulationName, StringComparer.Ordinal).ThenBy(r => r.PopulationId)
            .ToArray();
        return Result<ScenarioComparison>.Done(new ScenarioComparison(
            first.ReferenceDate, [.. scenarios.Select(s => new ComparedScenario(s.Id, s.Name, s.Version, s.Model, s.Total))], rows));
    }
}
