using System.Text.Json;
using Platform.Persistence.Sessions;

namespace Platform.Populations.Data;

/// <summary>One recorded change: who made it, when, which fields changed, and the row before and after.</summary>
public sealed record HistoryEntry(
    string Entity, Guid EntityId, string Operation, IReadOnlyList<string> ChangedFields, string ChangedBy, DateTimeOffset ChangedAt,
    JsonElement? Before, JsonElement After);

internal static class HistoryStore
{
    /// <summary>The history of an entity and of what hangs off it (a population's responsibilities), oldest first.</summary>
    public static Task<List<HistoryEntry>> ForPopulationAsync(DbSession session, Guid populationId, CancellationToken ct) =>
        session.QueryAsync(
            """
            SELECT entity, entity_id, operation, changed_fields, changed_by, changed_at, before::text, after::text
            FROM change_history
            WHERE entity_id = $1 OR (entity = 'responsibility' AND after ->> 'population_id' = $1::text)
            ORDER BY id
            """,
            r => new HistoryEntry(
                r.GetString(0), r.GetGuid(1), r.GetString(2), r.GetFieldValue<string[]>(3), r.GetString(4),
                r.GetFieldValue<DateTimeOffset>(5),
                r.IsDBNull(6) ? null : Json(r.GetString(6)),
                Json(r.GetString(7))),
            ct,
            populationId);

    private static JsonElement Json(string text)
    {
        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }
}
