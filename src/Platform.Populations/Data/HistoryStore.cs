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
    public static async Task<List<HistoryEntry>> ForPopulationAsync(DbSession session, Guid populationId, CancellationToken ct)
    {
        await using var command = session.Command(
            """
            SELECT entity, entity_id, operation, changed_fields, changed_by, changed_at, before::text, after::text
            FROM change_history
            WHERE entity_id = $1 OR (entity = 'responsibility' AND after ->> 'population_id' = $1::text)
            ORDER BY id
            """,
            populationId);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var entries = new List<HistoryEntry>();
        while (await reader.ReadAsync(ct))
        {
            entries.Add(new HistoryEntry(
                reader.GetString(0), reader.GetGuid(1), reader.GetString(2), reader.GetFieldValue<string[]>(3), reader.GetString(4),
                reader.GetFieldValue<DateTimeOffset>(5),
                reader.IsDBNull(6) ? null : JsonDocument.Parse(reader.GetString(6)).RootElement.Clone(),
                JsonDocument.Parse(reader.GetString(7)).RootElement.Clone()));
        }

        return entries;
    }
}
