using Platform.IntegrationEvents.Populations;
using Platform.Persistence.Sessions;

namespace Platform.Contracts.Data;

/// <summary>A population as this service knows it from the populations service's events.</summary>
internal sealed record KnownPopulation(Guid Id, string Name, string Status);

/// <summary>Writes and reads what the populations service tells: populations and regions.</summary>
internal static class PopulationReadModel
{
    /// <summary>Keeps the newest version of a population; an older event arriving late changes nothing.</summary>
    public static Task UpsertAsync(DbSession s, PopulationSnapshot p, CancellationToken ct) =>
        s.ExecuteAsync(
            """
            INSERT INTO populations (id, municipality, name, status, laws, valid_from, valid_to, version, areas)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
            ON CONFLICT (id) DO UPDATE SET
                name = excluded.name, status = excluded.status, laws = excluded.laws, valid_from = excluded.valid_from,
                valid_to = excluded.valid_to, version = excluded.version, areas = excluded.areas
            WHERE populations.version < excluded.version
            """,
            ct, p.PopulationId, p.Municipality, p.Name, p.Status, p.Laws.ToArray(), p.ValidFrom, p.ValidTo, p.Version, p.Areas.ToArray());

    public static async Task PutRegionAsync(DbSession s, RegionDefined region, CancellationToken ct)
    {
        // A municipality belongs to one region: naming it here moves it out of any other.
        await s.ExecuteAsync(
            "DELETE FROM region_municipalities WHERE region = $1 OR municipality = ANY ($2)", ct, region.Region, region.Municipalities.ToArray());
        await s.ExecuteAsync(
            "INSERT INTO region_municipalities (region, municipality) SELECT $1, unnest($2::text[])", ct, region.Region, region.Municipalities.ToArray());
    }

    /// <summary>The given populations as far as the caller's municipality knows them.</summary>
    public static Task<List<KnownPopulation>> FindAsync(DbSession s, IReadOnlyList<Guid> ids, CancellationToken ct) =>
        s.QueryAsync(
            "SELECT id, name, status FROM populations WHERE id = ANY ($1)",
            r => new KnownPopulation(r.GetGuid(0), r.GetString(1), r.GetString(2)), ct, ids.ToArray());

    public static Task<List<KnownPopulation>> ByNameAsync(DbSession s, string namePattern, CancellationToken ct) =>
        s.QueryAsync(
            "SELECT id, name, status FROM populations WHERE name LIKE $1 ORDER BY name",
            r => new KnownPopulation(r.GetGuid(0), r.GetString(1), r.GetString(2)), ct, namePattern);
}
