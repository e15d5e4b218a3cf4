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

        var added = await session.ScalarAsync<long>(
            """
            WITH written AS (
                INSERT INTO areas (code, level, municipality, name)
                SELECT code, level, municipality, name FROM import_areas
                ON CONFLICT (code) DO UPDATE SET name = excluded.name, updated_at = now()
                WHERE areas.name IS DISTINCT FROM excluded.name
                RETURNING xmax = 0 AS inserted)
            SELECT count(*) FILTER (WHERE inserted) FROM written
            """,
            ct);

        var changedCodes = await session.QueryAsync(
            """
            INSERT INTO area_characteristics (area_code, reference_date, municipality, "values", import_id)
            SELECT code, $1, municipality, "values", $2 FROM import_areas
            ON CONFLICT (area_code, reference_date) DO UPDATE
                SET "values" = excluded."values", import_id = excluded.import_id, recorded_at = now()
            WHERE area_characteristics."values" IS DISTINCT FROM excluded."values"
            RETURNING area_code
            """,
            r => r.GetString(0),
            ct,
            referenceDate, importId);
        var changed = new HashSet<string>(changedCodes, StringComparer.Ordinal);

        var byMunicipality = rows.Where(r => changed.Contains(r.Code.Value))
            .GroupBy(r => r.Code.Municipality)
            .ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        return new ImportChanges((int)added, changed.Count, rows.Count - changed.Count, byMunicipality);
    }

    /// <summary>Records who imported what and what it changed, rejected rows included.</summary>
    public static Task LogAsync(DbSession session, CbsImportReport report, string sourceName, CancellationToken ct) =>
        session.ExecuteAsync(
            """
            INSERT INTO cbs_imports (id, municipality, reference_date, source_name, imported_by, rows_read, areas_added,
                                     characteristics_changed, unchanged, rejected)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10::jsonb)
            """,
            ct,
            report.ImportId, session.Caller.Municipality, report.ReferenceDate, sourceName, session.Caller.Subject, report.RowsRead,
            report.AreasAdded, report.CharacteristicsChanged, report.Unchanged, System.Text.Json.JsonSerializer.Serialize(report.Rejected));

    public static string Level(AreaLevel level) => level switch
    {
        AreaLevel.Municipality => "municipality",
        AreaLevel.District => "district",
        _ => "neighbourhood",
    };
}
