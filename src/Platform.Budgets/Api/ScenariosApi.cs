using Microsoft.AspNetCore.Http.HttpResults;
using Platform.Budgets.Data;
using Platform.Budgets.Reports;
using Platform.Budgets.Scenarios;
using Platform.Hosting.Results;
using Platform.Persistence.Sessions;
using Platform.Security;

namespace Platform.Budgets.Api;

/// <summary>Allocation scenarios of the caller's municipality: prepare, revise, read, and compare side by side.</summary>
internal static class ScenariosApi
{
    public static RouteGroupBuilder MapScenariosEndpoints(this RouteGroupBuilder api)
    {
        var scenarios = api.MapGroup("/scenarios").WithTags("Scenarios").RequireAuthorization(PlatformPolicies.MunicipalStaff);
        scenarios.MapGet("/", ListAsync).WithName("ListScenarios").WithSummary("Every scenario at its newest version.");
        scenarios.MapGet("/comparison", CompareAsync).WithName("CompareScenarios")
            .WithSummary("Scenarios side by side per population, with the differences to the first; format=csv for a spreadsheet.");
        scenarios.MapGet("/{id:guid}", GetAsync).WithName("GetScenario").WithSummary("A scenario at its newest version, or at ?version=n.");
        scenarios.MapPost("/", CreateAsync).WithName("CreateScenario")
            .WithSummary("Divides a pool over populations as of a reference date by one of the allocation models.")
            .RequireAuthorization(BudgetsPolicies.Prepare);
        scenarios.MapPost("/{id:guid}/versions", ReviseAsync).WithName("ReviseScenario")
            .WithSummary("New parameters for a scenario: a new version over the same populations and reference date.")
            .RequireAuthorization(BudgetsPolicies.Prepare);
        return api;
    }

    private static async Task<Ok<List<ScenarioView>>> ListAsync(CallerContext caller, Database database, CancellationToken ct) =>
        TypedResults.Ok(await database.InTransactionAsync(caller, s => ScenarioStore.ListAsync(s, null, null, ct), ct));

    private static async Task<Results<Ok<ScenarioView>, NotFound>> GetAsync(Guid id, int? version, CallerContext caller, Database database, CancellationToken ct) =>
        await database.InTransactionAsync(caller, s => ScenarioStore.GetAsync(s, id, version, ct), ct) is { } scenario
            ? TypedResults.Ok(scenario)
            : TypedResults.NotFound();

    private static async Task<Results<Ok<ScenarioView>, NotFound, ValidationProblem, ProblemHttpResult>> CreateAsync(
        NewScenario request, CallerContext caller, ScenarioCommands commands, CancellationToken ct) =>
        (await commands.CreateAsync(caller, request, ct)).ToHttpResult(s => s);

    private static async Task<Results<Ok<ScenarioView>, NotFound, ValidationProblem, ProblemHttpResult>> ReviseAsync(
        Guid id, ScenarioRevision request, CallerContext caller, ScenarioCommands commands, CancellationToken ct) =>
        (await commands.ReviseAsync(caller, id, request, ct)).ToHttpResult(s => s);

    private static async Task<Results<Ok<ScenarioComparison>, ContentHttpResult, NotFound, ValidationProblem>> CompareAsync(
        Guid[]? ids, string? format, CallerContext caller, Database database, CancellationToken ct)
    {
        if (format is not (null or "json" or "csv"))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["format"] = ["json or csv."] });
        }

        var result = await ScenarioComparisons.CompareAsync(database, caller, ids ?? [], ct);
        if (result.IsNotFound)
        {
            return TypedResults.NotFound();
        }

        if (result.Violations is { } violations)
        {
            return violations.ToValidationProblem();
        }

        var comparison = result.Value!;
        if (format != "csv")
        {
            return TypedResults.Ok(comparison);
        }

        // One row per population and scenario: a long table sorts and pivots in any spreadsheet.
        var rows = comparison.Rows.SelectMany(r => comparison.Scenarios.Select((s, i) => (Row: r, Scenario: s, Index: i)));
        return TypedResults.Text(Csv.Write(rows,
            ("population_id", x => x.Row.PopulationId), ("population", x => x.Row.PopulationName), ("scenario_id", x => x.Scenario.Id),
            ("scenario", x => x.Scenario.Name), ("version", x => x.Scenario.Version), ("model", x => x.Scenario.Model),
            ("amount", x => x.Row.Amounts[x.Index]), ("difference_to_first", x => x.Row.DifferencesToFirst[x.Index])), Csv.ContentType);
    }
}
