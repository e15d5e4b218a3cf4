using Platform.Hosting.Results;
using Platform.Outcomes.Data;
using Platform.Outcomes.Domain.Measurements;
using Platform.Persistence.Sessions;
using Platform.Security;
using V1 = Platform.Provider.V1;

namespace Platform.Outcomes.Intake;

/// <summary>A batch item that was not stored: its position, the id as it may be repeated, and every violation.</summary>
internal sealed record RejectedMeasurement(int Position, string MeasurementId, IReadOnlyList<FieldViolation> Violations);

/// <summary>What one submitted batch came to: stored, already there, and refused by position.</summary>
internal sealed record IntakeResult(int Accepted, int Duplicates, IReadOnlyList<RejectedMeasurement> Rejected)
{
    public static IntakeResult Empty { get; } = new(0, 0, []);

    public IntakeResult Add(IntakeResult other) =>
        new(Accepted + other.Accepted, Duplicates + other.Duplicates, [.. Rejected, .. other.Rejected]);
}

/// <summary>
/// Takes measurements from a provider system: validates each item, checks it against the contracts the provider is
/// party to, stores it once per measurement id, and asks the evaluator to look at the municipality again.
/// </summary>
internal sealed class MeasurementIntake(Database database, TimeProvider clock)
{
    public const int MaxBatchSize = 10_000;

    public async Task<IntakeResult> SubmitAsync(CallerContext provider, IReadOnlyList<V1.Measurement> items, int firstPosition, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(provider);
        ArgumentNullException.ThrowIfNull(items);
        var providerId = provider.ProviderId ?? throw new ArgumentException("Only a provider system submits measurements.", nameof(provider));
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

        await using var session = await database.BeginAsync(provider, ct);
        var contracts = await MeasurementStore.ContractsOfAsync(session, providerId, ct);
        var codes = await MeasurementStore.IndicatorCodesAsync(session, ct);
        var rejected = new List<RejectedMeasurement>();
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        var municipalities = new HashSet<string>(StringComparer.Ordinal);
        int accepted = 0, duplicates = 0;
        for (var i = 0; i < items.Count; i++)
        {
            var position = firstPosition + i;
            var prefix = $"measurements[{position}]";
            var validation = new MeasurementValidation(prefix, today, codes);
            var measurement = validation.Validate(items[i]);
            var violations = validation.Violations.ToList();
            if (measurement is not null)
            {
                violations.AddRange(Scope(prefix, measurement, contracts));
            }

            if (violations.Count > 0)
            {
                rejected.Add(new RejectedMeasurement(position, MeasurementValidation.Echo(items[i].MeasurementId), violations));
                continue;
            }

            if (seen.TryGetValue(measurement!.MeasurementId, out var earlier))
            {
                if (earlier == measurement.ContentJson + measurement.ContractId + measurement.PopulationId)
                {
                    duplicates++;
                }
                else
                {
                    rejected.Add(Conflict(position, measurement, "Appears earlier in this batch with other content."));
                }

                continue;
            }

            seen.Add(measurement.MeasurementId, measurement.ContentJson + measurement.ContractId + measurement.PopulationId);
            var municipality = contracts[measurement.ContractId].Municipality;
            switch (await MeasurementStore.InsertAsync(session, providerId, municipality, measurement, ct))
            {
                case StoreOutcome.Inserted:
                    accepted++;
                    municipalities.Add(municipality);
                    break;
                case StoreOutcome.Duplicate:
                    duplicates++;
                    break;
                default:
                    rejected.Add(Conflict(position, measurement, $"Measurement {measurement.MeasurementId} was received before with other content; it was kept as it was."));
                    break;
            }
        }

        if (municipalities.Count > 0)
        {
            await MeasurementStore.RequestEvaluationAsync(session, municipalities, ct);
        }

        await session.CommitAsync(ct);
        return new IntakeResult(accepted, duplicates, rejected);
    }

    private static IEnumerable<FieldViolation> Scope(string prefix, Measurement m, Dictionary<Guid, ProviderContract> contracts)
    {
        if (!contracts.TryGetValue(m.ContractId, out var contract))
        {
            yield return new FieldViolation($"{prefix}.contract_id", "Not a contract your organisation is party to.");
        }
        else if (!contract.PopulationIds.Contains(m.PopulationId))
        {
            yield return new FieldViolation($"{prefix}.population_id", "Not a population of this contract.");
        }
    }

    private static RejectedMeasurement Conflict(int position, Measurement m, string description) =>
        new(position, m.MeasurementId, [new FieldViolation($"measurements[{position}].measurement_id", description)]);
}
