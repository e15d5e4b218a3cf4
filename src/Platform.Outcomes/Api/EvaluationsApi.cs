using Microsoft.AspNetCore.Http.HttpResults;
using Platform.Outcomes.Evaluation;
using Platform.Persistence.Sessions;
using Platform.Security;

namespace Platform.Outcomes.Api;

/// <summary>The evaluations of the municipality's result agreements, and running them on demand.</summary>
internal static class EvaluationsApi
{
    public static RouteGroupBuilder MapEvaluationsEndpoints(this RouteGroupBuilder api)
    {
        var evaluations = api.MapGroup("/evaluations").WithTags("Evaluations");
        evaluations.MapGet("/", AllAsync).WithName("GetEvaluations").RequireAuthorization(OutcomesPolicies.ReadResults)
            .WithSummary("Every evaluation of the municipality's result agreements per period, with its definition version and revision.");
        evaluations.MapPost("/run", RunAsync).WithName("RunEvaluations").RequireAuthorization(OutcomesPolicies.Evaluate)
            .WithSummary("Evaluates the municipality's result agreements now; answers with the evaluations that are new or changed.");
        return api;
    }

    private static async Task<Ok<List<Data.Evaluation>>> AllAsync(Guid? contractId, CallerContext caller, Database database, CancellationToken ct) =>
        TypedResults.Ok(await database.InTransactionAsync(caller, s => Data.EvaluationStore.AllAsync(s, contractId, ct), ct));

    private static async Task<Ok<List<Data.Evaluation>>> RunAsync(CallerContext caller, KpiEvaluation evaluation, CancellationToken ct) =>
        TypedResults.Ok(await evaluation.RunAsync(caller.Municipality!, ct));
}
