using Platform.IntegrationEvents.Populations;
using Platform.Persistence.Sessions;

namespace Platform.Referrals.Data;

/// <summary>Writes what the populations service tells: populations, responsibilities, CBS figures and regions.</summary>
internal static class ReadModelStore
{
    /// <summary>Keeps the newest version of a population; an older event arriving late changes nothing.</summary>
    public static Task UpsertPopulationAsync(DbSession session, PopulationSnapshot p, CancellationToken ct) =>
        session.ExecuteAsync(
            """
            INSERT INTO populations (id, municipality, name, status, areas, age_from, age_to, valid_from, valid_to, version)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
            ON CONFLICT (id) DO UPDATE SET
                name = excluded.name, status = excluded.status, areas = excluded.areas, age_from = excluded.age_from,
                age_to = excluded.age_to, valid_from = excluded.valid_from, valid_to = excluded.valid_to, version = excluded.version
            WHERE populations.version < excluded.version
            """,
            ct, p.PopulationId, p.Municipality, p.Name, p.Status, (object)p.Areas.ToArray(), p.AgeFrom, p.AgeTo, p.ValidFrom, p.ValidTo, p.Version);

    public static Task UpsertResponsibilityAsync(DbSession session, PopulationResponsibilityAssigned r, CancellationToken ct) =>
        session.ExecuteAsync(
            """
            INSERT INTO responsibilities (id, population_id, municipality, provider_id, valid_from, valid_to)
            VALUES ($1, $2, $3, $4, $5, $6)
            ON CONFLICT (id) DO UPDATE SET provider_id = excluded.provider_id, valid_from = excluded.valid_from, valid_to = excluded.valid_to
            """,
            ct, r.ResponsibilityId, r.PopulationId, r.Municipality, r.ProviderId, r.ValidFrom, r.ValidTo);

    /// <summary>Keeps each neighbourhood's inhabitants by age band; districts and municipalities are sums of these.</summary>
    public static async Task UpsertFiguresAsync(DbSession session, CharacteristicsPublished published, CancellationToken ct)
    {
        foreach (var area in published.Areas.Where(a => a.AreaCode.StartsWith("BU", StringComparison.Ordinal)))
        {
            await session.ExecuteAsync(
                """
                INSERT INTO neighbourhood_figures (neighbourhood, reference_date, municipality, inhabitants, age_0_14, age_15_24, age_25_44, age_45_64, age_65_plus)
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
                ON CONFLICT (neighbourhood, reference_date) DO UPDATE SET
                    inhabitants = excluded.inhabitants, age_0_14 = excluded.age_0_14, age_15_24 = excluded.age_15_24,
                    age_25_44 = excluded.age_25_44, age_45_64 = excluded.age_45_64, age_65_plus = excluded.age_65_plus
                """,
                ct, area.AreaCode, published.ReferenceDate, published.Municipality,
                Value(area, "inhabitants"), Value(area, "age_0_14"), Value(area, "age_15_24"), Value(area, "age_25_44"),
                Value(area, "age_45_64"), Value(area, "age_65_plus"));
        }
    }

    public static async Task PutRegionAsync(DbSession session, RegionDefined region, CancellationToken ct)
    {
        // A municipality belongs to one region: naming it here moves it out of any other.
        await session.ExecuteAsync(
            "DELETE FROM region_municipalities WHERE region = $1 OR municipality = ANY($2)", ct, region.Region, (object)region.Municipalities.ToArray());
        await session.ExecuteAsync(
            "INSERT INTO region_municipalities (region, municipality) SELECT $1, unnest($2::text[])",
            ct, region.Region, (object)region.Municipalities.ToArray());
    }

    // The event carries every value of a changed area; a key it lacks is unknown.
    private static double? Value(AreaCharacteristics area, string key) => area.Values.GetValueOrDefault(key);
}
