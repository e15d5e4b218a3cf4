using Microsoft.AspNetCore.Http.HttpResults;
using Platform.Persistence;
using Platform.Persistence.Sessions;
using Platform.Populations.Analysis;
using Platform.Populations.Domain;
using Platform.Populations.Domain.Analysis;
using Platform.Security;

namespace Platform.Populations.Api;

/// <summary>Overlaps between active populations and residents no population covers, per municipality.</summary>
internal static class AnalysisApi
{
    public static RouteGroupBuilder MapAnalysisEndpoints(this RouteGroupBuilder api)
    {
        var analysis = api.MapGroup("/analysis").WithTags("Analysis");
        analysis.MapGet("/overlaps", OverlapsAsync).WithName("GetPopulationOverlaps")
            .WithSummary("Pairs of active populations that cover the same residents, with the exact overlap.");
        analysis.MapGet("/gaps", GapsAsync).WithName("GetCoverageGaps")
            .WithSummary("Areas, ages and periods no active population covers under a law (default: the current year).");
        return api;
    }

    private static async Task<Results<Ok<List<OverlapResponse>>, ValidationProblem>> OverlapsAsync(
        string? municipality, CallerContext caller, Database database, CancellationToken ct)
    {
        if (Municipality(municipality, caller, out var code) is { } problem)
        {
            return problem;
        }

        var overlaps = await database.InTransactionAsync(caller, async session =>
        {
            var (tree, active) = await AnalysisRefresh.LoadAsync(session, code, ct);
            return OverlapAnalysis.Find(tree, active);
        }, ct);
        return TypedResults.Ok(overlaps.Select(OverlapResponse.From).ToList());
    }

    private static async Task<Results<Ok<List<GapResponse>>, ValidationProblem>> GapsAsync(
        string? municipality, string? law, DateOnly? from, DateOnly? to, CallerContext caller, Database database, AnalysisRefresh refresh, CancellationToken ct)
    {
        if (Municipality(municipality, caller, out var code) is { } problem)
        {
            return problem;
        }

        if (!Enum.TryParse<Law>(law, ignoreCase: true, out var parsedLaw) || !Enum.IsDefined(parsedLaw))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["law"] = ["One of Wmo, Jeugdwet, Participatiewet."] });
        }

        var year = refresh.CurrentYear();
        var window = new Period(from ?? year.From, to ?? (from is null ? year.To : from.Value.AddYears(1).AddDays(-1)));
        if (!window.IsValid(out var error) || window.UpperBound.DayNumber - window.From.DayNumber > 3660)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["to"] = [error ?? "A window of at most ten years."] });
        }

        var gaps = await database.InTransactionAsync(caller, async session =>
        {
            var (tree, active) = await AnalysisRefresh.LoadAsync(session, code, ct);
            return CoverageGapAnalysis.Find(tree, active, parsedLaw, window);
        }, ct);
        return TypedResults.Ok(gaps.Select(GapResponse.Of).ToList());
    }

    /// <summary>
    /// The municipality to analyse: the caller's own, or for a regional coordinator one named in the query.
    /// Row-level security still decides which populations the analysis sees.
    /// </summary>
    private static ValidationProblem? Municipality(string? requested, CallerContext caller, out string code)
    {
        code = (requested ?? caller.Municipality ?? "").Trim().ToUpperInvariant();
        if (caller.Municipality is { } own && code != own)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["municipality"] = [$"You can analyse your own municipality ({own}) only."] });
        }

        return AreaCode.TryParse(code, out var parsed, out var error) && parsed.Level == AreaLevel.Municipality
            ? null
            : TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["municipality"] = [error ?? "A municipality code, GMnnnn."] });
    }
}
