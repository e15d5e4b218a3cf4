using Microsoft.AspNetCore.Http.HttpResults;
using Platform.Outcomes.Catalogue;
using Platform.Persistence.Sessions;
using Platform.Security;

namespace Platform.Outcomes.Api;

/// <summary>The indicator catalogue for staff: every indicator and its definition versions.</summary>
internal static class IndicatorsApi
{
    public static RouteGroupBuilder MapIndicatorEndpoints(this RouteGroupBuilder api)
    {
        var indicators = api.MapGroup("/indicators").WithTags("Indicators").RequireAuthorization(OutcomesPolicies.ReadResults);
        indicators.MapGet("/", AllAsync).WithName("GetIndicators")
            .WithSummary("Every indicator of the catalogue with each version of its definition.");
        indicators.MapGet("/{code}", OneAsync).WithName("GetIndicator")
            .WithSummary("One indicator's definition versions, oldest first.");
        return api;
    }

    private static async Task<Ok<List<IndicatorDefinition>>> AllAsync(
        CallerContext caller, Database database, CancellationToken ct) =>
        TypedResults.Ok(await database.InTransactionAsync(caller, s => IndicatorCatalogue.AllAsync(s, ct), ct));

    private static async Task<Results<Ok<List<IndicatorDefinition>>, NotFound>> OneAsync(
        string code, CallerContext caller, Database database, CancellationToken ct)
    {
        var versions = await database.InTransactionAsync(caller, s => IndicatorCatalogue.VersionsAsync(s, code, ct), ct);
        return versions.Count == 0 ? TypedResults.NotFound() : TypedResults.Ok(versions);
    }
}
