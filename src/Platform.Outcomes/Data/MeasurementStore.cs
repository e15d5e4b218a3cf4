using NpgsqlTypes;
using Platform.Outcomes.Domain.Measurements;
using Platform.Persistence.Sessions;

namespace Platform.Outcomes.Data;

/// <summary>A contract a provider may report on, with the populations it answers for.</summary>
internal sealed record ProviderContract(Guid ContractId, string Municipality, IReadOnlyList<Guid> PopulationIds);

/// <summary>A stored measurement as results read it.</summary>
internal sealed record StoredMeasurement(string ProviderId, Guid ContractId, Guid PopulationId, string Kind, DateOnly MeasuredOn, object Content);

internal enum StoreOutcome
{
    Inserted,
    Duplicate,
    Conflict,
}

/// <summary>Writes and reads provider measurements; row-level security decides which rows a session sees.</summary>
internal static class MeasurementStore
{
    public static async Task<Dictionary<Guid, ProviderContract>> ContractsOfAsync(DbSession session, string providerId, CancellationToken ct) =>
        (await session.QueryAsync(
            "SELECT contract_id, municipality, population_ids FROM contracts WHERE $1 = ANY (provider_ids)",
            r => new ProviderContract(r.GetGuid(0), r.GetString(1), r.GetFieldValue<Guid[]>(2)), ct, providerId))
        .ToDictionary(c => c.ContractId);

    public static async Task<HashSet<string>> IndicatorCodesAsync(DbSession session, CancellationToken ct) =>
        [.. await session.QueryAsync("SELECT code FROM indicators", r => r.GetString(0), ct)];

    /// <summary>Stores the measurement unless its id is taken; then tells whether the stored one has the same content.</summary>
    public static async Task<StoreOutcome> InsertAsync(DbSession session, string providerId, string municipality, Measurement m, CancellationToken ct)
    {
        var content = m.ContentJson;
        await using var insert = session.Command(
            """
            INSERT INTO measurements (provider_id, measurement_id, municipality, contract_id, population_id, kind, measured_on, content)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
            ON CONFLICT (provider_id, measurement_id) DO NOTHING
            """,
            providerId, m.MeasurementId, municipality, m.ContractId, m.PopulationId, m.Kind, m.MeasuredOn, content);
        insert.Parameters[7].NpgsqlDbType = NpgsqlDbType.Jsonb;
        if (await insert.ExecuteNonQueryAsync(ct) == 1)
        {
            return StoreOutcome.Inserted;
        }

        await using var compare = session.Command(
            """
            SELECT contract_id = $3 AND population_id = $4 AND kind = $5 AND content = $6
            FROM measurements WHERE provider_id = $1 AND measurement_id = $2
            """,
            providerId, m.MeasurementId, m.ContractId, m.PopulationId, m.Kind, content);
        compare.Parameters[5].NpgsqlDbType = NpgsqlDbType.Jsonb;
        return await compare.ExecuteScalarAsync(ct) is true ? StoreOutcome.Duplicate : StoreOutcome.Conflict;
    }

    /// <summary>Every measurement of the contracts, up to and including <paramref name="through"/>.</summary>
    public static Task<List<StoredMeasurement>> OfContractsAsync(DbSession session, IReadOnlyCollection<Guid> contractIds, DateOnly through, CancellationToken ct) =>
        session.QueryAsync(
            """
            SELECT provider_id, contract_id, population_id, kind, measured_on, content::text
            FROM measurements WHERE contract_id = ANY ($1) AND measured_on <= $2
            """,
            r => new StoredMeasurement(r.GetString(0), r.GetGuid(1), r.GetGuid(2), r.GetString(3),
                r.GetFieldValue<DateOnly>(4), Measurement.ReadContent(r.GetString(3), r.GetString(5))),
            ct, contractIds.ToArray(), through);

    /// <summary>Asks the evaluator to look at these municipalities again.</summary>
    public static Task RequestEvaluationAsync(DbSession session, IEnumerable<string> municipalities, CancellationToken ct) =>
        session.ExecuteAsync(
            """
            INSERT INTO evaluation_state (municipality, requested_at) SELECT DISTINCT unnest($1::text[]), now()
            ON CONFLICT (municipality) DO UPDATE SET requested_at = excluded.requested_at
            """,
            ct, (object)municipalities.Distinct().ToArray());
}
