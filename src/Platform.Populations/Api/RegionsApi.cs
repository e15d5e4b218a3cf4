using Microsoft.AspNetCore.Http.HttpResults;
using Platform.IntegrationEvents.Populations;
using Platform.Messaging.Outbox;
using Platform.Persistence;
using Platform.Persistence.Sessions;
using Platform.Populations.Data;
using Platform.Populations.Domain;
using Platform.Security;

namespace Platform.Populations.Api;

/// <summary>
/// Regions ("regio's", e.g. Holland Rijnland) group the municipalities that share a deployment; a regional
/// coordinator reads the populations of every municipality of their region. Platform administrators keep them.
/// </summary>
internal static class RegionsApi
{
    public sealed record RegionChange(string? Name, IReadOnlyList<string>? Municipalities);

    public static RouteGroupBuilder MapRegionsEndpoints(this RouteGroupBuilder api)
    {
        var regions = api.MapGroup("/regions").WithTags("Regions");
        regions.MapGet("/", ListAsync).WithName("ListRegions").WithSummary("Every region with its municipalities.");
        regions.MapPut("/{code}", PutAsync).WithName("PutRegion").WithSummary("Create or change a region and its municipalities.")
            .RequireAuthorization(PlatformPolicies.PlatformAdmin);
        return api;
    }

    private static async Task<Ok<List<Region>>> ListAsync(CallerContext caller, Database database, CancellationToken ct) =>
        TypedResults.Ok(await database.InTransactionAsync(caller, s => RegionStore.ListAsync(s, ct), ct));

    private static async Task<Results<Ok<Region>, ValidationProblem>> PutAsync(
        string code, RegionChange change, CallerContext caller, Database database, Outbox outbox, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (!System.Text.RegularExpressions.Regex.IsMatch(code, "^[a-z0-9-]{1,64}$"))
        {
            errors["code"] = ["Lowercase letters, digits and '-', e.g. holland-rijnland."];
        }

        if (string.IsNullOrWhiteSpace(change.Name) || change.Name.Length > 200)
        {
            errors["name"] = ["A name of 1 to 200 characters."];
        }

        var municipalities = new List<string>();
        foreach (var (m, i) in (change.Municipalities ?? []).Select((m, i) => (m, i)))
        {
            if (AreaCode.TryParse(m, out var parsed, out var error) && parsed.Level == AreaLevel.Municipality)
            {
                municipalities.Add(parsed.Value);
            }
            else
            {
                errors[$"municipalities[{i}]"] = [error ?? "A municipality code, GMnnnn."];
            }
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var region = await database.InTransactionAsync(caller, async s =>
        {
            await RegionStore.PutAsync(s, new Region(code, change.Name!.Trim(), municipalities), ct);
            await outbox.AddAsync(s, new RegionDefined(code, change.Name.Trim(), municipalities), ct);
            return (await RegionStore.ListAsync(s, ct)).Single(r => r.Code == code);
        }, ct);
        return TypedResults.Ok(region);
    }
}
