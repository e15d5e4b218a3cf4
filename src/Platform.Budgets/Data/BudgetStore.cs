using System.Text.Json;
using Platform.Budgets.Domain;
using Platform.Persistence.Sessions;

namespace Platform.Budgets.Data;

/// <summary>One version of a budget: its amounts, where they came from, and who proposed and decided it, when and why.</summary>
internal sealed record BudgetVersionView(
    int Version, Guid ScenarioId, int ScenarioVersion, decimal BaseAmount, IndexationClause Indexation, decimal Amount,
    decimal HoldbackShare, decimal HoldbackAmount, IReadOnlyDictionary<Guid, decimal> PerPopulation, string Status,
    string ProposedBy, DateTimeOffset ProposedAt, string Reason, string? DecidedBy, DateTimeOffset? DecidedAt, string? DecisionReason);

/// <summary>A contract's budget for one year, with every version, newest first.</summary>
internal sealed record BudgetView(Guid Id, Guid ContractId, int Year, IReadOnlyList<BudgetVersionView> Versions)
{
    public BudgetVersionView? Adopted => Versions.FirstOrDefault(v => v.Status == BudgetStatus.Adopted);
}

internal static class BudgetStatus
{
    public const string Proposed = "proposed";
    public const string Adopted = "adopted";
    public const string Superseded = "superseded";
}

/// <summary>One recorded change: what changed, before and after, who and when.</summary>
internal sealed record HistoryEntry(string Entity, string Operation, IReadOnlyList<string> ChangedFields, JsonElement? Before, JsonElement After, string ChangedBy, DateTimeOffset ChangedAt);

internal static class BudgetStore
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The budget of a contract and year, locked against a concurrent proposal or decision; created when there is none.</summary>
    public static async Task<(Guid Id, int NextVersion)> LockOrCreateAsync(DbSession session, string municipality, Guid contract, int year, CancellationToken ct)
    {
        await session.ExecuteAsync(
            "INSERT INTO budgets (id, municipality, contract_id, year, created_by) VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING",
            ct, Guid.CreateVersion7(), municipality, contract, year, session.Caller.Subject);
        var rows = await session.QueryAsync(
            """
            SELECT b.id, coalesce((SELECT max(version) FROM budget_versions v WHERE v.budget_id = b.id), 0) + 1
            FROM budgets b WHERE b.municipality = $1 AND b.contract_id = $2 AND b.year = $3 FOR UPDATE
            """,
            r => (r.GetGuid(0), r.GetInt32(1)), ct, municipality, contract, year);
        return rows.Single();
    }

    public static async Task<bool> LockAsync(DbSession session, Guid budget, CancellationToken ct) =>
        (await session.QueryAsync("SELECT 1 FROM budgets WHERE id = $1 FOR UPDATE", r => r.GetInt32(0), ct, budget)).Count == 1;

    public static Task InsertVersionAsync(
        DbSession session, Guid budget, int version, string municipality, Guid scenario, int scenarioVersion, BudgetFigures figures,
        IndexationClause indexation, decimal holdbackShare, string reason, CancellationToken ct) =>
        session.ExecuteAsync(
            """
            INSERT INTO budget_versions (budget_id, version, municipality, scenario_id, scenario_version, base_amount, indexation, amount,
                                         holdback_share, per_population, status, proposed_by, reason)
            VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8, $9, $10::jsonb, 'proposed', $11, $12)
            """,
            ct, budget, version, municipality, scenario, scenarioVersion, figures.BaseAmount, JsonSerializer.Serialize(indexation, Json),
            figures.Amount, holdbackShare, JsonSerializer.Serialize(figures.PerPopulation, Json), session.Caller.Subject, reason);

    /// <summary>Adopts a proposed version; the version adopted before it is superseded. False when it was not proposed.</summary>
    public static async Task<bool> AdoptAsync(DbSession session, Guid budget, int version, string reason, CancellationToken ct)
    {
        await session.ExecuteAsync(
            "UPDATE budget_versions SET status = 'superseded' WHERE budget_id = $1 AND status = 'adopted'", ct, budget);
        return await session.ExecuteAsync(
            """
            UPDATE budget_versions SET status = 'adopted', decided_by = $3, decided_at = now(), decision_reason = $4
            WHERE budget_id = $1 AND version = $2 AND status = 'proposed'
            """,
            ct, budget, version, session.Caller.Subject, reason) == 1;
    }

    public static async Task<BudgetView?> GetAsync(DbSession session, Guid id, CancellationToken ct) =>
        (await ListAsync(session, id, null, null, ct)).SingleOrDefault();

    public static async Task<List<BudgetView>> ListAsync(DbSession session, Guid? id, Guid? contract, int? year, CancellationToken ct)
    {
        var rows = await session.QueryAsync(
            """
            SELECT b.id, b.contract_id, b.year, v.version, v.scenario_id, v.scenario_version, v.base_amount, v.indexation::text, v.amount,
                   v.holdback_share, v.per_population::text, v.status, v.proposed_by, v.proposed_at, v.reason, v.decided_by, v.decided_at, v.decision_reason
            FROM budgets b JOIN budget_versions v ON v.budget_id = b.id
            WHERE ($1::uuid IS NULL OR b.id = $1) AND ($2::uuid IS NULL OR b.contract_id = $2) AND ($3::int IS NULL OR b.year = $3)
            ORDER BY b.year, b.contract_id, v.version DESC
            """,
            r => (Id: r.GetGuid(0), Contract: r.GetGuid(1), Year: r.GetInt32(2), Version: new BudgetVersionView(
                r.GetInt32(3), r.GetGuid(4), r.GetInt32(5), r.GetDecimal(6), JsonSerializer.Deserialize<IndexationClause>(r.GetString(7), Json)!,
                r.GetDecimal(8), r.GetDecimal(9), Money.ToCents(r.GetDecimal(8) * r.GetDecimal(9)),
                JsonSerializer.Deserialize<Dictionary<Guid, decimal>>(r.GetString(10), Json)!, r.GetString(11), r.GetString(12),
                r.GetFieldValue<DateTimeOffset>(13), r.GetString(14), r.IsDBNull(15) ? null : r.GetString(15),
                r.IsDBNull(16) ? null : r.GetFieldValue<DateTimeOffset>(16), r.IsDBNull(17) ? null : r.GetString(17))),
            ct, id, contract, year);
        return [.. rows.GroupBy(r => (r.Id, r.Contract, r.Year)).Select(g => new BudgetView(g.Key.Id, g.Key.Contract, g.Key.Year, [.. g.Select(r => r.Version)]))];
    }

    /// <summary>Every recorded change of a budget and its versions, oldest first.</summary>
    public static Task<List<HistoryEntry>> HistoryAsync(DbSession session, Guid id, CancellationToken ct) =>
        session.QueryAsync(
            """
            SELECT entity, operation, changed_fields, before::text, after::text, changed_by, changed_at
            FROM change_history WHERE entity_id = $1 ORDER BY id
            """,
            r => new HistoryEntry(
                r.GetString(0), r.GetString(1), r.GetFieldValue<string[]>(2),
                r.IsDBNull(3) ? null : JsonSerializer.Deserialize<JsonElement>(r.GetString(3)), JsonSerializer.Deserialize<JsonElement>(r.GetString(4)),
                r.GetString(5), r.GetFieldValue<DateTimeOffset>(6)),
            ct, id);
}
