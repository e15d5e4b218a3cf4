using System.Text.Json;
using Platform.Persistence.Sessions;

namespace Platform.Budgets.Data;

/// <summary>A requested, approved or rejected shift between two categories of a budget.</summary>
internal sealed record ShiftView(
    Guid Id, string From, string To, decimal Amount, string Reason, string Status, string RequestedBy, DateTimeOffset RequestedAt, string? DecidedBy, DateTimeOffset? DecidedAt);

/// <summary>A budget's categories ("vierkant") as they stand, and every shift asked for.</summary>
internal sealed record CategoriesView(Guid BudgetId, IReadOnlyDictionary<string, decimal> Categories, decimal Total, IReadOnlyList<ShiftView> Shifts);

internal static class CategoryStore
{
    /// <summary>The categories, locked against a concurrent approval; null when none are set.</summary>
    public static Task<Dictionary<string, decimal>?> ForUpdateAsync(DbSession session, Guid budget, CancellationToken ct) =>
        CategoriesAsync(session, budget, "FOR UPDATE", ct);

    private static async Task<Dictionary<string, decimal>?> CategoriesAsync(DbSession session, Guid budget, string locking, CancellationToken ct) =>
        (await session.QueryAsync(
            $"SELECT categories::text FROM category_budgets WHERE budget_id = $1 {locking}",
            r => JsonSerializer.Deserialize<Dictionary<string, decimal>>(r.GetString(0)), ct, budget)).SingleOrDefault();

    public static Task InsertAsync(DbSession session, Guid budget, string municipality, IReadOnlyDictionary<string, decimal> categories, CancellationToken ct) =>
        session.ExecuteAsync(
            "INSERT INTO category_budgets (budget_id, municipality, categories, set_by) VALUES ($1, $2, $3::jsonb, $4)",
            ct, budget, municipality, JsonSerializer.Serialize(categories), session.Caller.Subject);

    public static Task UpdateAsync(DbSession session, Guid budget, IReadOnlyDictionary<string, decimal> categories, CancellationToken ct) =>
        session.ExecuteAsync(
            "UPDATE category_budgets SET categories = $2::jsonb, set_by = $3, set_at = now() WHERE budget_id = $1",
            ct, budget, JsonSerializer.Serialize(categories), session.Caller.Subject);

    public static Task InsertShiftAsync(DbSession session, Guid id, Guid budget, string municipality, string from, string to, decimal amount, string reason, CancellationToken ct) =>
        session.ExecuteAsync(
            """
            INSERT INTO category_shifts (id, budget_id, municipality, from_category, to_category, amount, reason, status, requested_by)
            VALUES ($1, $2, $3, $4, $5, $6, $7, 'requested', $8)
            """,
            ct, id, budget, municipality, from, to, amount, reason, session.Caller.Subject);

    public static Task DecideShiftAsync(DbSession session, Guid shift, string status, CancellationToken ct) =>
        session.ExecuteAsync(
            "UPDATE category_shifts SET status = $2, decided_by = $3, decided_at = now() WHERE id = $1 AND status = 'requested'",
            ct, shift, status, session.Caller.Subject);

    public static async Task<CategoriesView?> GetAsync(DbSession session, Guid budget, CancellationToken ct)
    {
        if (await CategoriesAsync(session, budget, string.Empty, ct) is not { } categories)
        {
            return null;
        }

        var shifts = await session.QueryAsync(
            """
            SELECT id, from_category, to_category, amount, reason, status, requested_by, requested_at, decided_by, decided_at
            FROM category_shifts WHERE budget_id = $1 ORDER BY requested_at, id
            """,
            r => new ShiftView(
                r.GetGuid(0), r.GetString(1), r.GetString(2), r.GetDecimal(3), r.GetString(4), r.GetString(5), r.GetString(6),
                r.GetFieldValue<DateTimeOffset>(7), r.IsDBNull(8) ? null : r.GetString(8), r.IsDBNull(9) ? null : r.GetFieldValue<DateTimeOffset>(9)),
            ct, budget);
        return new CategoriesView(budget, categories, categories.Values.Sum(), shifts);
    }
}
