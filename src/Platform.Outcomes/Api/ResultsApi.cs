using Microsoft.AspNetCore.Http.HttpResults;
using Platform.Hosting;
using Platform.Hosting.Results;
using Platform.Outcomes.Domain;
using Platform.Outcomes.Results;
using Platform.Persistence.Sessions;
using Platform.Security;

namespace Platform.Outcomes.Api;

/// <summary>Results per contract, population and period for staff, as JSON or as the CSV behind a chart.</summary>
internal static class ResultsApi
{
    public static RouteGroupBuilder MapResultsEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/results", GetAsync).WithTags("Results").WithName("GetResults")
            .RequireAuthorization(OutcomesPolicies.ReadResults)
            .WithSummary("Every indicator's result of the municipality's contracts and their populations over one period (2025-Q1 or 2025), with intervals, peer comparison and the providers' narratives; format=csv for the figures as CSV.");
        return api;
    }

    private static async Task<Results<Ok<List<ResultRow>>, ContentHttpResult, ValidationProblem>> GetAsync(
        string? period, Guid? contractId, Guid? populationId, string? indicator, string? format,
        CallerContext caller, Database database, CancellationToken ct)
    {
        var parsed = Period.Parse(period);
        var validation = new RequestValidation()
            .Require(parsed is not null, "period", "A quarter (2025-Q1) or a year (2025).")
            .Require(format is null or "json" or "csv", "format", "json or csv.");
        if (!validation.IsValid)
        {
            return validation.Violations.ToValidationProblem();
        }

        var rows = await database.InTransactionAsync(caller, s => ResultsReport.ComputeAsync(s, new ResultsQuery(parsed!, contractId, populationId, indicator), ct), ct);
        return format == "csv" ? TypedResults.Content(ToCsv(rows), Csv.ContentType) : TypedResults.Ok(rows);
    }

    private static string ToCsv(List<ResultRow> rows) => Csv.Write(rows,
        ("contract_id", r => r.ContractId.ToString()), ("contract", r => r.ContractName), ("population_id", r => r.PopulationId?.ToString()),
        ("period", r => r.Period), ("indicator", r => r.Indicator), ("definition_version", r => r.DefinitionVersion),
        ("statistic", r => r.Statistic), ("value", r => r.Value), ("numerator", r => r.Numerator), ("denominator", r => r.Denominator),
        ("status", r => r.Status), ("lower_95", r => r.Lower), ("upper_95", r => r.Upper), ("peer_share", r => r.PeerShare),
        ("peer_position", r => r.PeerPosition));
}
