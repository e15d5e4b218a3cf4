using Microsoft.AspNetCore.Http.HttpResults;
using Platform.Hosting.Results;
using Platform.Persistence;
using Platform.Persistence.Sessions;
using Platform.Populations.Data;
using Platform.Populations.Definitions;
using Platform.Populations.Domain;
using Platform.Security;

namespace Platform.Populations.Api;

/// <summary>Population definitions: list, read, define, change, activate, retire, and their history.</summary>
internal static class PopulationsApi
{
    public static RouteGroupBuilder MapPopulationsEndpoints(this RouteGroupBuilder api)
    {
        var populations = api.MapGroup("/populations").WithTags("Populations");

        populations.MapGet("/", ListAsync).WithName("ListPopulations")
            .WithSummary("The populations you may see: your municipality's, your region's for a coordinator.");
        populations.MapGet("/{id:guid}", GetAsync).WithName("GetPopulation").WithSummary("One population.");
        populations.MapGet("/{id:guid}/history", HistoryAsync).WithName("GetPopulationHistory")
            .WithSummary("Every change of the population and its responsibilities: who, when, what.");

        var editing = populations.MapGroup("/").RequireAuthorization(PopulationsPolicies.EditPopulations);
        editing.MapPost("/", DefineAsync).WithName("DefinePopulation").WithSummary("Define a population, in draft.");
        editing.MapPut("/{id:guid}", ChangeAsync).WithName("ChangePopulation").WithSummary("Change a draft or active population.");
        editing.MapPost("/{id:guid}/activate", ActivateAsync).WithName("ActivatePopulation").WithSummary("Draft to active.");
        editing.MapPost("/{id:guid}/retire", RetireAsync).WithName("RetirePopulation").WithSummary("Draft or active to retired.");
        return api;
    }

    private static async Task<Results<Ok<List<PopulationResponse>>, ValidationProblem>> ListAsync(
        string? municipality, string? status, CallerContext caller, Database database, CancellationToken ct)
    {
        PopulationStatus? parsedStatus = null;
        if (status is not null)
        {
            if (!Enum.TryParse<PopulationStatus>(status, ignoreCase: true, out var s) || !Enum.IsDefined(s))
            {
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["status"] = ["One of draft, active, retired."] });
            }

            parsedStatus = s;
        }

        var rows = await database.InTransactionAsync(caller, s => PopulationStore.ListAsync(s, municipality?.Trim().ToUpperInvariant(), parsedStatus, ct), ct);
        return TypedResults.Ok(rows.Select(PopulationResponse.From).ToList());
    }

    private static async Task<Results<Ok<PopulationResponse>, NotFound>> GetAsync(Guid id, CallerContext caller, Database database, CancellationToken ct)
    {
        var row = await database.InTransactionAsync(caller, s => PopulationStore.FindAsync(s, id, ct), ct);
        return row is null ? TypedResults.NotFound() : TypedResults.Ok(PopulationResponse.From(row));
    }

    private static async Task<Results<Ok<List<HistoryEntry>>, NotFound>> HistoryAsync(Guid id, CallerContext caller, Database database, CancellationToken ct)
    {
        var history = await database.InTransactionAsync(caller, async s =>
            await PopulationStore.FindAsync(s, id, ct) is null ? null : await HistoryStore.ForPopulationAsync(s, id, ct), ct);
        return history is null ? TypedResults.NotFound() : TypedResults.Ok(history);
    }

    private static async Task<Results<Created<PopulationResponse>, ValidationProblem>> DefineAsync(
        PopulationChange change, CallerContext caller, PopulationCommands commands, CancellationToken ct)
    {
        var result = await commands.DefineAsync(caller, change, ct);
        if (result.Violations is { } violations)
        {
            return violations.ToValidationProblem();
        }

        var response = PopulationResponse.From(result.Value!);
        return TypedResults.Created($"/api/populations/populations/{response.Id}", response);
    }

    private static async Task<Results<Ok<PopulationResponse>, NotFound, ValidationProblem, ProblemHttpResult>> ChangeAsync(
        Guid id, PopulationChange change, CallerContext caller, PopulationCommands commands, CancellationToken ct) =>
        (await commands.ChangeAsync(caller, id, change, ct)).ToHttpResult(PopulationResponse.From);

    private static async Task<Results<Ok<PopulationResponse>, NotFound, ValidationProblem, ProblemHttpResult>> ActivateAsync(
        Guid id, int? expectedVersion, CallerContext caller, PopulationCommands commands, CancellationToken ct) =>
        (await commands.ActivateAsync(caller, id, expectedVersion, ct)).ToHttpResult(PopulationResponse.From);

    private static async Task<Results<Ok<PopulationResponse>, NotFound, ValidationProblem, ProblemHttpResult>> RetireAsync(
        Guid id, int? expectedVersion, CallerContext caller, PopulationCommands commands, CancellationToken ct) =>
        (await commands.RetireAsync(caller, id, expectedVersion, ct)).ToHttpResult(PopulationResponse.From);
}
