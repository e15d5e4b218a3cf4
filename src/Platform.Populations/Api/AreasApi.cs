using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Platform.Persistence;
using Platform.Persistence.Sessions;
using Platform.Populations.Data;
using Platform.Populations.Domain;
using Platform.Populations.Import;
using Platform.Populations.Profiles;
using Platform.Security;

namespace Platform.Populations.Api;

/// <summary>CBS areas, their characteristics as of a date, and CBS imports.</summary>
internal static class AreasApi
{
    /// <summary>A CBS file of a large municipality is a few MB; this leaves room for a whole region.</summary>
    public const long MaxImportBytes = 64 * 1024 * 1024;

    public static RouteGroupBuilder MapAreasEndpoints(this RouteGroupBuilder api)
    {
        var areas = api.MapGroup("/areas").WithTags("Areas");
        areas.MapGet("/", ListAsync).WithName("ListAreas").WithSummary("The CBS areas of a municipality, optionally of one level.");
        areas.MapGet("/{code}/characteristics", CharacteristicsAsync).WithName("GetAreaCharacteristics")
            .WithSummary("An area's characteristics as of a date, aggregated over its neighbourhoods.");

        api.MapPost("/imports/cbs", ImportAsync).WithTags("Areas").WithName("ImportCbsFile")
            .WithSummary("Import a CBS Kerncijfers wijken en buurten file (semicolon CSV) for a reference date.")
            .Accepts<string>("text/csv")
            .RequireAuthorization(policy => policy.RequireRole(PlatformRoles.PolicyAdvisor, PlatformRoles.PlatformAdmin))
            .WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(MaxImportBytes));

        api.MapGet("/populations/{id:guid}/profile", ProfileAsync).WithTags("Populations").WithName("GetPopulationProfile")
            .WithSummary("A population's size and characteristics as of a date.");
        return api;
    }

    private static async Task<Results<Ok<List<Area>>, ValidationProblem>> ListAsync(
        string? municipality, string? level, CallerContext caller, Database database, CancellationToken ct)
    {
        var code = (municipality ?? caller.Municipality)?.Trim().ToUpperInvariant();
        if (!AreaCode.TryParse(code, out var parsed, out var error) || parsed.Level != AreaLevel.Municipality)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["municipality"] = [error ?? "A municipality code (GMnnnn) is required."] });
        }

        if (level is not (null or "municipality" or "district" or "neighbourhood"))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["level"] = ["One of municipality, district, neighbourhood."] });
        }

        var rows = await database.InTransactionAsync(caller, session => AreaStore.ListAsync(session, parsed.Value, level, ct), ct);
        return TypedResults.Ok(rows);
    }

    private static async Task<Results<Ok<Profile>, NotFound, ValidationProblem>> CharacteristicsAsync(
        string code, DateOnly? asOf, CallerContext caller, Database database, TimeProvider clock, CancellationToken ct)
    {
        if (!AreaCode.TryParse(code, out var parsed, out var error))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["code"] = [error!] });
        }

        var profile = await database.InTransactionAsync(caller, async session =>
            await AreaStore.ExistsAsync(session, parsed.Value, ct)
                ? await PopulationProfiles.ForAreasAsync(session, [parsed.Value], AgeRange.Everyone, asOf ?? clock.Today(), ct)
                : null, ct);
        return profile is null ? TypedResults.NotFound() : TypedResults.Ok(profile);
    }

    private static async Task<Results<Ok<Profile>, NotFound>> ProfileAsync(
        Guid id, DateOnly? asOf, CallerContext caller, Database database, TimeProvider clock, CancellationToken ct)
    {
        var profile = await database.InTransactionAsync(caller, async session =>
        {
            if (await PopulationStore.FindAsync(session, id, ct) is not { } population)
            {
                return null;
            }

            var profiles = await PopulationProfiles.ForAsync(session, [population.Definition], asOf ?? clock.Today(), ct);
            return profiles[id];
        }, ct);
        return profile is null ? TypedResults.NotFound() : TypedResults.Ok(profile);
    }

    private static async Task<Results<Ok<CbsImportReport>, ValidationProblem>> ImportAsync(
        HttpRequest request, string? referenceDate, string? source, CallerContext caller, CbsImports imports, CancellationToken ct)
    {
        if (!DateOnly.TryParseExact(referenceDate, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["referenceDate"] = ["The reference date (peildatum) of the figures, as YYYY-MM-DD, e.g. 2024-01-01."],
            });
        }

        if (caller.Municipality is null && !caller.Roles.Contains(PlatformRoles.PlatformAdmin))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["municipality"] = ["Your token names no municipality."] });
        }

        try
        {
            return TypedResults.Ok(await imports.ImportAsync(caller, request.Body, date, source ?? "upload", ct));
        }
        catch (Import.CbsFileException e)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["file"] = [e.Message] });
        }
    }
}
