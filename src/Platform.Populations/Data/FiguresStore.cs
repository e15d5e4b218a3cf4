using Platform.Persistence.Sessions;
using Platform.Populations.Domain.Characteristics;

namespace Platform.Populations.Data;

/// <summary>An area's figures as of a date: those of the newest reference date on or before it.</summary>
public sealed record AreaFigures(string AreaCode, DateOnly ReferenceDate, CharacteristicValues Values);

/// <summary>Reads areas and their characteristics as of a date.</summary>
internal static class FiguresStore
{
    /// <summary>
    /// The neighbourhoods each area covers: every known neighbourhood inside a municipality or district,
    /// or the area itself when none is known (a neighbourhood, or an area imported without its parts).
    /// </summary>
    public static async Task<Dictionary<string, List<string>>> NeighbourhoodsOfAsync(DbSession session, IEnumerable<string> areas, CancellationToken ct)
    {
        await using var command = session.Command(
            """
            SELECT r.code, coalesce(n.code, r.code)
            FROM unnest($1::text[]) AS r(code)
            LEFT JOIN areas n ON n.level = 'neighbourhood' AND r.code NOT LIKE 'BU%' AND (
                (r.code LIKE 'GM%' AND n.municipality = r.code)
                OR (r.code LIKE 'WK%' AND n.code LIKE 'BU' || substr(r.code, 3) || '%'))
            ORDER BY 1, 2
            """,
            (object)areas.Distinct(StringComparer.Ordinal).ToArray());
        var result = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var area = reader.GetString(0);
            if (!result.TryGetValue(area, out var list))
            {
                result[area] = list = [];
            }

            list.Add(reader.GetString(1));
        }

        return result;
    }

    public static async Task<Dictionary<string, AreaFigures>> AsOfAsync(DbSession session, IEnumerable<string> areas, DateOnly asOf, CancellationToken ct)
    {
        await using var command = session.Command(
            """
            SELECT DISTINCT ON (area_code) area_code, reference_date, "values"::text
            FROM area_characteristics
            WHERE area_code = ANY($1) AND reference_date <= $2
            ORDER BY area_code, reference_date DESC
            """,
            areas.Distinct(StringComparer.Ordinal).ToArray(), asOf);
        var result = new Dictionary<string, AreaFigures>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var code = reader.GetString(0);
            result[code] = new AreaFigures(code, reader.GetFieldValue<DateOnly>(1), CharacteristicsJson.Read(reader.GetString(2)));
        }

        return result;
    }

    /// <summary>The known reference dates of a municipality's figures, newest first.</summary>
    public static async Task<List<DateOnly>> ReferenceDatesAsync(DbSession session, string municipality, CancellationToken ct)
    {
        await using var command = session.Command(
            "SELECT DISTINCT reference_date FROM area_characteristics WHERE municipality = $1 ORDER BY 1 DESC", municipality);
        var dates = new List<DateOnly>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            dates.Add(reader.GetFieldValue<DateOnly>(0));
        }

        return dates;
    }
}
