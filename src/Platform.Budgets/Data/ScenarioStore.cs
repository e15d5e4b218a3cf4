using System.Text.Json;
using Platform.Budgets.Domain;
using Platform.Persistence.Sessions;

namespace Platform.Budgets.Data;

/// <summary>One population's part of a scenario version, with the population's name.</summary>
internal sealed record ScenarioLineView(Guid PopulationId, string PopulationName, decimal Amount);

/// <summary>A scenario at one of its versions: the populations and reference date it is over, its parameters and lines.</summary>
internal sealed record ScenarioView(
    Guid Id, string Name, DateOnly ReferenceDate, IReadOnlyList<Guid> PopulationIds, int Version, string Model, decimal Pool,
    ScenarioParameters Parameters, IReadOnlyList<ScenarioLineView> Lines, decimal Total, string RecordedBy, DateTimeOffset RecordedAt, string Reason);

/// <summary>Scenarios and their versions; a version, once written, is never changed.</summary>
internal static class ScenarioStore
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static Task InsertScenarioAsync(DbSession session, Guid id, string municipality, string name, DateOnly referenceDate, IReadOnlyList<Guid> populations, CancellationToken ct) =>
        session.ExecuteAsync(
            "INSERT INTO scenarios (id, municipality, name, reference_date, population_ids, created_by) VALUES ($1, $2, $3, $4, $5, $6)",
            ct, id, municipality, name, referenceDate, (object)populations.ToArray(), session.Caller.Subject);

    public static Task InsertVersionAsync(
        DbSession session, Guid scenario, int version, string municipality, ScenarioParameters parameters, decimal pool, IReadOnlyList<ScenarioLine> lines, string reason, CancellationToken ct) =>
        session.ExecuteAsync(
            """
            INSERT INTO scenario_versions (scenario_id, version, municipality, model, pool, parameters, lines, recorded_by, reason)
            VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7::jsonb, $8, $9)
            """,
            ct, scenario, version, municipality, parameters.Model, pool, JsonSerializer.Serialize(parameters, Json), JsonSerializer.Serialize(lines, Json),
            session.Caller.Subject, reason);

    /// <summary>The scenario's row locked against a concurrent revision, with its newest version number.</summary>
    public static async Task<(DateOnly ReferenceDate, Guid[] Populations, int Version)?> ForRevisionAsync(DbSession session, Guid id, CancellationToken ct) =>
        (await session.QueryAsync(
            """
            SELECT s.reference_date, s.population_ids, (SELECT max(version) FROM scenario_versions v WHERE v.scenario_id = s.id)
            FROM scenarios s WHERE s.id = $1 FOR UPDATE
            """,
            r => ((DateOnly, Guid[], int)?)(r.GetFieldValue<DateOnly>(0), r.GetFieldValue<Guid[]>(1), r.GetInt32(2)),
            ct, id)).SingleOrDefault();

    /// <summary>A scenario at a version, or at its newest when <paramref name="version"/> is null.</summary>
    public static async Task<ScenarioView?> GetAsync(DbSession session, Guid id, int? version, CancellationToken ct) =>
        (await ListAsync(session, id, version, ct)).SingleOrDefault();

    /// <summary>Every scenario of the municipality at its newest version, or one scenario.</summary>
    public static async Task<List<ScenarioView>> ListAsync(DbSession session, Guid? id, int? version, CancellationToken ct)
    {
        var rows = await session.QueryAsync(
            """
            SELECT DISTINCT ON (s.id) s.id, s.name, s.reference_date, s.population_ids, v.version, v.model, v.pool, v.parameters::text,
                   v.lines::text, v.recorded_by, v.recorded_at, v.reason
            FROM scenarios s JOIN scenario_versions v ON v.scenario_id = s.id
            WHERE ($1::uuid IS NULL OR s.id = $1) AND ($2::int IS NULL OR v.version = $2)
            ORDER BY s.id, v.version DESC
            """,
            r => (Id: r.GetGuid(0), Name: r.GetString(1), Date: r.GetFieldValue<DateOnly>(2), Populations: r.GetFieldValue<Guid[]>(3),
                Version: r.GetInt32(4), Model: r.GetString(5), Pool: r.GetDecimal(6),
                Parameters: JsonSerializer.Deserialize<ScenarioParameters>(r.GetString(7), Json)!,
                Lines: JsonSerializer.Deserialize<ScenarioLine[]>(r.GetString(8), Json)!,
                By: r.GetString(9), At: r.GetFieldValue<DateTimeOffset>(10), Reason: r.GetString(11)),
            ct, id, version);
        var names = await PopulationNamesAsync(session, rows.SelectMany(r => r.Populations), ct);
        return [.. rows.OrderBy(r => r.Name, StringComparer.Ordinal).ThenBy(r => r.Id).Select(r => new ScenarioView(
            r.Id, r.Name, r.Date, r.Populations, r.Version, r.Model, r.Pool, r.Parameters,
            [.. r.Lines.Select(l => new ScenarioLineView(l.PopulationId, names.GetValueOrDefault(l.PopulationId, l.PopulationId.ToString()), l.Amount))],
            r.Lines.Sum(l => l.Amount), r.By, r.At, r.Reason))];
    }

    public static async Task<Dictionary<Guid, string>> PopulationNamesAsync(DbSession session, IEnumerable<Guid> ids, CancellationToken ct) =>
        (await session.QueryAsync(
            "SELECT id, name FROM populations WHERE id = ANY($1)", r => (r.GetGuid(0), r.GetString(1)), ct, (object)ids.Distinct().ToArray()))
        .ToDictionary(p => p.Item1, p => p.Item2);
}
