using Platform.Outcomes.Domain.Results;
using Platform.Persistence.Sessions;

namespace Platform.Outcomes.Data;

/// <summary>A result agreement's evaluation for one period, as stored and as published.</summary>
internal sealed record Evaluation(
    Guid AgreementId, Guid ContractId, string Indicator, int DefinitionVersion, DateOnly PeriodStart, DateOnly PeriodEnd,
    string Comparison, decimal Norm, decimal? Value, string Outcome, int Revision)
{
    /// <summary>Whether a recomputation says something else than this evaluation did.</summary>
    public bool DiffersFrom(Evaluation other) =>
        (DefinitionVersion, Comparison, Norm, Value, Outcome) != (other.DefinitionVersion, other.Comparison, other.Norm, other.Value, other.Outcome);
}

internal static class EvaluationStore
{
    private const string Columns =
        "agreement_id, contract_id, indicator_code, definition_version, period_start, period_end, comparison, norm, value, outcome, revision";

    public static Task<List<Evaluation>> AllAsync(DbSession session, Guid? contractId, CancellationToken ct) =>
        session.QueryAsync(
            $"SELECT {Columns} FROM evaluations WHERE $1::uuid IS NULL OR contract_id = $1 ORDER BY contract_id, indicator_code, agreement_id, period_start",
            r => new Evaluation(r.GetGuid(0), r.GetGuid(1), r.GetString(2), r.GetInt32(3), r.GetFieldValue<DateOnly>(4), r.GetFieldValue<DateOnly>(5),
                r.GetString(6), r.GetDecimal(7), r.IsDBNull(8) ? null : r.GetDecimal(8), r.GetString(9), r.GetInt32(10)),
            ct, contractId);

    public static Task SaveAsync(DbSession session, string municipality, Evaluation e, CancellationToken ct) =>
        session.ExecuteAsync(
            $"""
            INSERT INTO evaluations ({Columns}, municipality) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
            ON CONFLICT (agreement_id, period_start) DO UPDATE SET
                definition_version = excluded.definition_version, period_end = excluded.period_end, comparison = excluded.comparison,
                norm = excluded.norm, value = excluded.value, outcome = excluded.outcome, revision = excluded.revision, evaluated_at = now()
            """,
            ct, e.AgreementId, e.ContractId, e.Indicator, e.DefinitionVersion, e.PeriodStart, e.PeriodEnd, e.Comparison, e.Norm, e.Value, e.Outcome, e.Revision, municipality);

    /// <summary>Municipalities with new measurements or agreements since their last evaluation, or not evaluated today.</summary>
    public static Task<List<string>> DueAsync(DbSession session, CancellationToken ct) =>
        session.QueryAsync(
            """
            SELECT municipality FROM evaluation_state
            WHERE evaluated_at IS NULL OR evaluated_at < requested_at OR evaluated_at < date_trunc('day', now())
            ORDER BY municipality
            """,
            r => r.GetString(0), ct);

    public static Task CompletedAsync(DbSession session, string municipality, CancellationToken ct) =>
        session.ExecuteAsync(
            """
            INSERT INTO evaluation_state (municipality, requested_at, evaluated_at) VALUES ($1, now(), clock_timestamp())
            ON CONFLICT (municipality) DO UPDATE SET evaluated_at = clock_timestamp()
            """,
            ct, municipality);

    /// <summary>One evaluator per municipality at a time, across instances of the service.</summary>
    public static Task LockAsync(DbSession session, string municipality, CancellationToken ct) =>
        session.ExecuteAsync("SELECT pg_advisory_xact_lock(hashtext('outcomes-evaluation:' || $1))", ct, municipality);
}
