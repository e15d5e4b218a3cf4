using Platform.IntegrationEvents.Populations;
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
        var pairs = await session.QueryAsync(
            """
            SELECT r.code, coalesce(n.code, r.code)
            FROM unnest($1::text[]) AS r(code)
            LEFT JOIN areas n ON n.level = 'neighbourhood' AND r.code NOT LIKE 'BU%' AND (
                (r.code LIKE 'GM%' AND n.municipality = r.code)
                OR (r.code LIKE 'WK%' AND n.code LIKE 'BU' || substr(r.code, 3) || '%'))
            ORDER BY 1, 2
            """,
            r => (Area: r.GetString(0), Neighbourhood: r.GetString(1)),
            ct,
            (object)areas.Distinct(StringComparer.Ordinal).ToArray());
        return pairs.GroupBy(p => p.Area, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(p => p.Neighbourhood).ToList(), StringComparer.Ordinal);
    }

    /// <summary>A municipality's figures as publications, one per reference date with every area, for a resend.</summary>
    public static async Task<List<CharacteristicsPublished>> PublicationsAsync(DbSession session, string municipality, CancellationToken ct)
    {
        var rows = await session.QueryAsync(
            """
            SELECT reference_date, area_code, "values"::text, import_id
            FROM area_characteristics WHERE municipality = $1 ORDER BY reference_date, area_code
            """,
            r => (Date: r.GetFieldValue<DateOnly>(0), Area: r.GetString(1), Values: r.GetString(2), Import: r.GetGuid(3)),
            ct, municipality);
        return [.. rows.GroupBy(r => r.Date).Select(g => new CharacteristicsPublished(
            municipality, g.Key, g.Max(r => r.Import),
            [.. g.Select(r => new AreaCharacteristics(r.Area, CharacteristicsJson.ToDictionary(CharacteristicsJson.Read(r.Values))))]))];
    }

    public static async Task<Dictionary<string, AreaFigures>> AsOfAsync(DbSession session, IEnumerable<string> areas, DateOnly asOf, CancellationToken ct)
    {
        var figures = await session.QueryAsync(
            """
            SELECT DISTINCT ON (area_code) area_code, reference_date, "values"::text
            FROM area_characteristics
            WHERE area_code = ANY($1) AND reference_date <= $2
            ORDER BY area_code, reference_date DESC
            """,
            r => new AreaFigures(r.GetString(0), r.GetFieldValue<DateOnly>(1), CharacteristicsJson.Read(r.GetString(2))),
            ct,
            areas.Distinct(StringComparer.Ordinal).ToArray(), asOf);
        return figures.ToDictionary(f => f.AreaCode, StringComparer.Ordinal);
    }
}
