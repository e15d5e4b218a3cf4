using NpgsqlTypes;
using Platform.Persistence.Sessions;
using Platform.Populations.Domain;
using Platform.Populations.Import;

namespace Platform.Populations.Data;

/// <summary>What an import changed: per municipality the areas whose figures are new or different.</summary>
public sealed record ImportChanges(int AreasAdded, int CharacteristicsChanged, int Unchanged, IReadOnlyDictionary<string, List<CbsAreaRow>> ChangedByMunicipality);

/// <summary>
/// Writes a CBS file's areas and figures in one transaction: the rows go to a temporary table with a
/// binary COPY, and from there into the tables with one statement each that writes only what differs.
/// Importing the same file again therefore changes nothing.
/// </summary>
internal static class CbsImportStore
{
    public static async Task<ImportChanges> WriteAsync(DbSession session, IReadOnlyList<CbsAreaRow> rows, DateOnly referenceDate, Guid importId, CancellationToken ct)
    {
        await session.ExecuteAsync(
            """
            CREATE TEMP TABLE import_areas (code text, level text, municipality text, name text, "values" jsonb) ON COMMIT DROP
            """, ct);
        await using (var copy = await session.Connection.BeginBinaryImportAsync(
            "COPY import_areas (code, level, municipality, name, \"values\") FROM STDIN (FORMAT BINARY)", ct))
        {
            foreach (var row in rows)
            {
                await copy.StartRowAsync(ct);
                await copy.WriteAsync(row.Code.Value, NpgsqlDbType.Text, ct);
                await copy.WriteAsync(Level(row.Code.Level), NpgsqlDbType.Text, ct);
                await copy.WriteAsync(row.Code.Municipality, NpgsqlDbType.Text, ct);
                await copy.WriteAsync(row.Name, NpgsqlDbType.Text, ct);
                await copy.WriteAsync(CharacteristicsJson.Write(row.Values), NpgsqlDbType.Jsonb, ct);
            }

            await copy.CompleteAsync(ct);
        }

        var added = await CountAsync(session,
            """
            WITH written AS (
                INSERT INTO areas (code, level, municipality, name)
                SELECT code, level, municipality, name FROM import_areas
                ON CONFLICT (code) DO UPDATE SET name = excluded.name, updated_at = now()
                WHERE areas.name IS DISTINCT FROM excluded.name
                RETURNING xmax = 0 AS inserted)
            SELECT count(*) FILTER (WHERE inserted) FROM written
            """, ct);

        await using var changedCommand = session.Command(
            """
            INSERT INTO area_characteristics (area_code, reference_date, municipality, "values", import_id)
            SELECT code, $1, municipality, "values", $2 FROM import_areas
            ON CONFLICT (area_code, reference_date) DO UPDATE
                SET "values" = excluded."values", import_id = excluded.import_id, recorded_at = now()
            WHERE area_characteristics."values" IS DISTINCT FROM excluded."values"
            RETURNING area_code
            """,
            referenceDate, importId);
        var changed = new HashSet<string>(StringComparer.Ordinal);
        await using (var reader = await changedCommand.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                changed.Add(reader.GetString(0));
            }
        }

        var byMunicipality = rows.Where(r => changed.Contains(r.Code.Value))
            .GroupBy(r => r.Code.Municipality)
            .ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        return new ImportChanges((int)added, changed.Count, rows.Count - changed.Count, byMunicipality);
    }

    public static string Level(AreaLevel level) => level switch
    {
        AreaLevel.Municipality => "municipality",
        AreaLevel.District => "district",
        _ => "neighbourhood",
    };

    private static async Task<long> CountAsync(DbSession session, string sql, CancellationToken ct) =>
        await session.ScalarAsync<long>(sql, ct);
}
