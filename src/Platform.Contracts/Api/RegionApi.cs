using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Platform.Persistence.Sessions;
using Platform.Security;

namespace Platform.Contracts.Api;

/// <summary>A regional coordinator's view: per municipality of the region, how many contracts by status and legal form; never a contract.</summary>
internal static class RegionApi
{
    public const string RegionFigures = "contracts:region";

    public sealed record RegionContractCount(string Municipality, string Status, string LegalForm, long Contracts, long Populations);

    public static void AddPolicy(AuthorizationOptions options) =>
        options.AddPolicy(RegionFigures, policy => policy
            .RequireAuthenticatedUser().RequireRole(PlatformRoles.RegionCoordinator).RequireClaim(PlatformClaims.Region));

    public static RouteGroupBuilder MapRegionEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/region/contracts", CountsAsync).WithTags("Region").WithName("GetRegionContractCounts")
            .WithSummary("The region's contracts counted per municipality, status and legal form.")
            .RequireAuthorization(RegionFigures);
        return api;
    }

    private static async Task<Ok<List<RegionContractCount>>> CountsAsync(CallerContext caller, Database database, CancellationToken ct) =>
        TypedResults.Ok(await database.InTransactionAsync(caller, s => s.QueryAsync(
            """
            SELECT municipality, status, legal_form, count(*), coalesce(sum(cardinality(populations)), 0)
            FROM contracts GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
            """,
            r => new RegionContractCount(r.GetString(0), r.GetString(1), r.GetString(2), r.GetInt64(3), r.GetInt64(4)), ct), ct));
}
