using Platform.Persistence.Sessions;

namespace Platform.Populations.Data;

/// <summary>A region and the municipalities in it.</summary>
public sealed record Region(string Code, string Name, IReadOnlyList<string> Municipalities);

internal static class RegionStore
{
    public static Task<List<Region>> ListAsync(DbSession session, CancellationToken ct) =>
        session.QueryAsync(
            """
            SELECT r.code, r.name, coalesce(array_agg(m.municipality ORDER BY m.municipality) FILTER (WHERE m.municipality IS NOT NULL), '{}')
            FROM regions r LEFT JOIN region_municipalities m ON m.region = r.code
            GROUP BY r.code, r.name ORDER BY r.code
            """,
            r => new Region(r.GetString(0), r.GetString(1), r.GetFieldValue<string[]>(2)),
            ct);

    public static async Task<bool> ExistsAsync(DbSession session, string code, CancellationToken ct) =>
        await session.ScalarAsync<string>("SELECT code FROM regions WHERE code = $1", ct, code) is not null;

    /// <summary>Creates or renames a region and makes it hold exactly these municipalities; a municipality belongs to one region, so naming it here moves it.</summary>
    public static async Task PutAsync(DbSession session, Region region, CancellationToken ct)
    {
        await session.ExecuteAsync(
            "INSERT INTO regions (code, name) VALUES ($1, $2) ON CONFLICT (code) DO UPDATE SET name = excluded.name", ct, region.Code, region.Name);
        await session.ExecuteAsync("DELETE FROM region_municipalities WHERE region = $1", ct, region.Code);
        await session.ExecuteAsync(
            """
            INSERT INTO region_municipalities (municipality, region) SELECT DISTINCT m, $2 FROM unnest($1::text[]) AS m
            ON CONFLICT (municipality) DO UPDATE SET region = excluded.region
            """,
            ct, region.Municipalities.ToArray(), region.Code);
    }
}
