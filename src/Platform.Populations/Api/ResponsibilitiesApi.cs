using Microsoft.AspNetCore.Http.HttpResults;
using Platform.Hosting.Results;
using Platform.Persistence;
using Platform.Persistence.Sessions;
using Platform.Populations.Data;
using Platform.Populations.Domain;
using Platform.Populations.Responsibilities;
using Platform.Security;

namespace Platform.Populations.Api;

/// <summary>Which provider is responsible for a population, over which period.</summary>
internal static class ResponsibilitiesApi
{
    public static RouteGroupBuilder MapResponsibilitiesEndpoints(this RouteGroupBuilder api)
    {
        var responsibilities = api.MapGroup("/populations/{id:guid}/responsibilities").WithTags("Responsibilities");
        responsibilities.MapGet("/", ListAsync).WithName("ListResponsibilities").WithSummary("The providers responsible for a population, by period.");
        responsibilities.MapPost("/", AssignAsync).WithName("AssignResponsibility")
            .WithSummary("Record that a provider is responsible for the population over a period.")
            .RequireAuthorization(PopulationsPolicies.AssignResponsibility);
        return api;
    }

    private static async Task<Results<Ok<List<Responsibility>>, NotFound>> ListAsync(Guid id, CallerContext caller, Database database, CancellationToken ct)
    {
        var rows = await database.InTransactionAsync(caller, async s =>
            await PopulationStore.FindAsync(s, id, ct) is null ? null : await ResponsibilityStore.ForPopulationAsync(s, id, ct), ct);
        return rows is null ? TypedResults.NotFound() : TypedResults.Ok(rows);
    }

    private static async Task<Results<Ok<Responsibility>, NotFound, ValidationProblem, ProblemHttpResult>> AssignAsync(
        Guid id, ResponsibilityChange change, CallerContext caller, ResponsibilityCommands commands, CancellationToken ct) =>
        (await commands.AssignAsync(caller, id, change, ct)).ToHttpResult(r => r);
}
