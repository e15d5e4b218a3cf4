using System.Text.Json;
using NpgsqlTypes;
using Platform.Persistence.Sessions;
using Platform.Referrals.Domain.Monitoring;
using Platform.Referrals.Domain.Signals;

namespace Platform.Referrals.Data;

/// <summary>A signal as staff see it, with the figures that raised it (JSON: trigger, series, baselines).</summary>
internal sealed record StoredSignal(
    Guid Id, string Municipality, string UnitKind, string UnitId, string UnitName, string Kind, string PeriodKind, DateOnly BreachStart,
    string Reason, DateOnly TriggerPeriod, JsonElement Figures, string State, DateOnly? ClosedIn, DateTimeOffset RaisedAt,
    DateTimeOffset? AcknowledgedAt, string? AcknowledgedBy, string? Comment, int Version);

/// <summary>One entry of a signal's history.</summary>
internal sealed record SignalHistoryEntry(string State, string? Comment, string ChangedBy, DateTimeOffset ChangedAt);

/// <summary>Signals in the caller's transaction; row-level security keeps them to the caller's municipality.</summary>
internal static class SignalStore
{
    private const string Columns =
        "id, municipality, unit_kind, unit_id, unit_name, kind, period_kind, breach_start, reason, trigger_period, figures, state, " +
        "closed_in, raised_at, acknowledged_at, acknowledged_by, comment, version";

    public static Task<List<KnownSignal>> KnownAsync(DbSession session, string municipality, PeriodKind periodKind, CancellationToken ct) =>
        session.QueryAsync(
            "SELECT unit_kind, unit_id, kind, breach_start, closed_in FROM signals WHERE municipality = $1 AND period_kind = $2",
            r => new KnownSignal(
                new BreachKey(new MonitoredUnit(SignalNames.ParseUnit(r.GetString(0)), r.GetString(1)), SignalNames.ParseKind(r.GetString(2)),
                    ReportingPeriod.Of(r.GetFieldValue<DateOnly>(3), periodKind)),
                r.IsDBNull(4) ? null : ReportingPeriod.Of(r.GetFieldValue<DateOnly>(4), periodKind)),
            ct, municipality, SignalNames.Of(periodKind));

    /// <summary>Stores a new signal; null when this breach was stored already (by a concurrent run), so it is raised once.</summary>
    public static async Task<Guid?> InsertAsync(
        DbSession session, string municipality, string unitName, RaisedSignal signal, object figures, CancellationToken ct)
    {
        var id = Guid.CreateVersion7();
        await using var command = session.Command(
            """
            INSERT INTO signals (id, municipality, unit_kind, unit_id, unit_name, kind, period_kind, breach_start, reason, trigger_period, figures, state, closed_in)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, CASE WHEN $12::date IS NULL THEN 'open' ELSE 'closed' END, $12)
            ON CONFLICT (municipality, unit_kind, unit_id, kind, period_kind, breach_start) DO NOTHING
            """,
            id, municipality, SignalNames.Of(signal.Key.Unit.Kind), signal.Key.Unit.Id, unitName, SignalNames.Of(signal.Key.Kind),
            SignalNames.Of(signal.Key.Start.Kind), signal.Key.Start.Start, SignalNames.Of(signal.Reason), signal.Trigger.Period.Start,
            JsonSerializer.Serialize(figures, SignalNames.Json), signal.ClosedIn?.Start);
        command.Parameters[10].NpgsqlDbType = NpgsqlDbType.Jsonb;
        return await command.ExecuteNonQueryAsync(ct) == 1 ? id : null;
    }

    /// <summary>Closes the breach's signal; its id, or null when it was closed already.</summary>
    public static async Task<Guid?> CloseAsync(DbSession session, string municipality, ClosedSignal closed, CancellationToken ct)
    {
        var rows = await session.QueryAsync(
            """
            UPDATE signals SET state = 'closed', closed_in = $7, version = version + 1
            WHERE municipality = $1 AND unit_kind = $2 AND unit_id = $3 AND kind = $4 AND period_kind = $5 AND breach_start = $6 AND state <> 'closed'
            RETURNING id
            """,
            r => r.GetGuid(0),
            ct, municipality, SignalNames.Of(closed.Key.Unit.Kind), closed.Key.Unit.Id, SignalNames.Of(closed.Key.Kind),
            SignalNames.Of(closed.Key.Start.Kind), closed.Key.Start.Start, closed.ClosedIn.Start);
        return rows.Count == 0 ? null : rows[0];
    }

    public static Task<List<StoredSignal>> ListAsync(DbSession session, string? state, string? kind, CancellationToken ct) =>
        QueryAsync(session,
            $"SELECT {Columns} FROM signals WHERE ($1::text IS NULL OR state = $1) AND ($2::text IS NULL OR kind = $2) ORDER BY raised_at DESC, id",
            ct, state, kind);

    public static async Task<StoredSignal?> GetAsync(DbSession session, Guid id, CancellationToken ct) =>
        (await QueryAsync(session, $"SELECT {Columns} FROM signals WHERE id = $1", ct, id)).FirstOrDefault();

    /// <summary>Records the acknowledgement, if the signal is still at the version the caller saw; the new row or null.</summary>
    public static async Task<StoredSignal?> AcknowledgeAsync(DbSession session, Guid id, string comment, int expectedVersion, CancellationToken ct) =>
        (await QueryAsync(session,
            $"""
            UPDATE signals SET state = CASE WHEN state = 'open' THEN 'acknowledged' ELSE state END,
                acknowledged_at = now(), acknowledged_by = platform.current_subject(), comment = $2, version = version + 1
            WHERE id = $1 AND version = $3
            RETURNING {Columns}
            """,
            ct, id, comment, expectedVersion)).FirstOrDefault();

    public static Task<List<SignalHistoryEntry>> HistoryAsync(DbSession session, Guid id, CancellationToken ct) =>
        session.QueryAsync(
            "SELECT state, comment, changed_by, changed_at FROM signal_history WHERE signal_id = $1 ORDER BY id",
            r => new SignalHistoryEntry(r.GetString(0), r.IsDBNull(1) ? null : r.GetString(1), r.GetString(2), r.GetFieldValue<DateTimeOffset>(3)),
            ct, id);

    private static Task<List<StoredSignal>> QueryAsync(DbSession session, string sql, CancellationToken ct, params object?[] parameters) =>
        session.QueryAsync(
            sql,
            r => new StoredSignal(
                r.GetGuid(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4), r.GetString(5), r.GetString(6),
                r.GetFieldValue<DateOnly>(7), r.GetString(8), r.GetFieldValue<DateOnly>(9), JsonDocument.Parse(r.GetString(10)).RootElement.Clone(),
                r.GetString(11), r.IsDBNull(12) ? null : r.GetFieldValue<DateOnly>(12), r.GetFieldValue<DateTimeOffset>(13),
                r.IsDBNull(14) ? null : r.GetFieldValue<DateTimeOffset>(14), r.IsDBNull(15) ? null : r.GetString(15),
                r.IsDBNull(16) ? null : r.GetString(16), r.GetInt32(17)),
            ct, parameters);
}
