using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Platform.Hosting.Results;
using Platform.Outcomes.Domain;
using Platform.Outcomes.Intake;
using Platform.Outcomes.Results;
using Platform.Persistence.Sessions;
using Platform.Provider.V1;
using Platform.Security;

namespace Platform.Outcomes.Grpc;

/// <summary>
/// <c>platform.provider.v1.ProviderOutcomes</c>: measurements from provider systems. The token's provider id decides
/// which contracts may be reported on; row-level security holds the same below.
/// </summary>
[Authorize(Policy = PlatformPolicies.ProviderSystem)]
internal sealed class ProviderOutcomesService(MeasurementIntake intake, Database database, CallerContext caller) : ProviderOutcomes.ProviderOutcomesBase
{
    public override async Task<SubmitMeasurementsResponse> SubmitMeasurements(SubmitMeasurementsRequest request, ServerCallContext context)
    {
        CheckSize(request);
        return ToResponse(await intake.SubmitAsync(caller, request.Measurements, 0, context.CancellationToken));
    }

    /// <summary>Each message is its own transaction: what was read before a break stays stored.</summary>
    public override async Task<SubmitMeasurementsResponse> StreamMeasurements(IAsyncStreamReader<SubmitMeasurementsRequest> requestStream, ServerCallContext context)
    {
        var total = IntakeResult.Empty;
        var position = 0;
        await foreach (var request in requestStream.ReadAllAsync(context.CancellationToken))
        {
            CheckSize(request);
            total = total.Add(await intake.SubmitAsync(caller, request.Measurements, position, context.CancellationToken));
            position += request.Measurements.Count;
        }

        return ToResponse(total);
    }

    /// <summary>Row-level security shows the provider only the contracts it is party to and its own measurements.</summary>
    public override async Task<GetMyResultsResponse> GetMyResults(GetMyResultsRequest request, ServerCallContext context)
    {
        var period = Period.Parse(request.Period);
        Guid? contractId = Guid.TryParse(request.ContractId, out var id) ? id : null;
        new RequestValidation()
            .Require(period is not null, "period", "A quarter (2025-Q1) or a year (2025).")
            .Require(request.ContractId.Length == 0 || contractId is not null, "contract_id", "A UUID, or empty for every contract.")
            .ThrowIfInvalid();
        var rows = await database.InTransactionAsync(caller, s => ResultsReport.ComputeAsync(s, new ResultsQuery(period!, contractId, null, null), context.CancellationToken), context.CancellationToken);
        var response = new GetMyResultsResponse();
        response.Results.Add(rows.Select(r => new Provider.V1.IndicatorResult
        {
            ContractId = r.ContractId.ToString(), PopulationId = r.PopulationId?.ToString() ?? string.Empty, IndicatorCode = r.Indicator,
            DefinitionVersion = r.DefinitionVersion, Status = r.Status, HasValue = r.Value is not null, Value = (double)(r.Value ?? 0),
            Numerator = (double)(r.Numerator ?? 0), Denominator = (double)(r.Denominator ?? 0), Lower = r.Lower ?? 0, Upper = r.Upper ?? 0,
        }));
        return response;
    }

    private static SubmitMeasurementsResponse ToResponse(IntakeResult result)
    {
        var response = new SubmitMeasurementsResponse { Accepted = result.Accepted, Duplicates = result.Duplicates };
        foreach (var rejected in result.Rejected)
        {
            var message = new Provider.V1.RejectedMeasurement { Position = rejected.Position, MeasurementId = rejected.MeasurementId };
            message.Violations.Add(rejected.Violations.Select(v => new Violation { Field = v.Field, Description = v.Description }));
            response.Rejected.Add(message);
        }

        return response;
    }

    private static void CheckSize(SubmitMeasurementsRequest request) =>
        new RequestValidation()
            .Require(request.Measurements.Count > 0, "measurements", "At least one measurement.")
            .Require(request.Measurements.Count <= MeasurementIntake.MaxBatchSize, "measurements", $"At most {MeasurementIntake.MaxBatchSize:N0} measurements per message; split the batch.")
            .ThrowIfInvalid();
}
