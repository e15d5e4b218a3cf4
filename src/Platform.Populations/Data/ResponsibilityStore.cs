using Platform.Persistence.Sessions;

namespace Platform.Populations.Data;

/// <summary>A provider's responsibility for a population over a period, both ends inclusive.</summary>
public sealed record Responsibility(
    Guid Id, Guid PopulationId, string Municipality, string ProviderId, DateOnly ValidFrom, DateOnly? ValidTo,
    DateTimeOffset RecordedAt, string RecordedBy);

/// <summary>Responsibilities in the caller's transaction; row-level security scopes what is visible.</summary>
internal static class ResponsibilityStore
{
    private const string Columns = "id, population_id, municipality, provider_id, valid_from, valid_to, recorded_at, recorded_by";

    public static Task<List<Responsibility>> ForPopulationAsync(DbSession session, Guid populationId, CancellationToken ct) =>
        QueryAsync(session, $"SELECT {Columns} FROM responsibilities WHERE population_id = $1 ORDER BY valid_from, id", ct, populationId);

    public static Task<List<Responsibility>> ForMunicipalityAsync(DbSession session, string municipality, CancellationToken ct) =>
        QueryAsync(session, $"SELECT {Columns} FROM responsibilities WHERE municipality = $1 ORDER BY population_id, valid_from", ct, municipality);

    public static Task<List<Responsibility>> ForProviderAsync(DbSession session, string providerId, CancellationToken ct) =>
        QueryAsync(session, $"SELECT {Columns} FROM responsibilities WHERE provider_id = $1 ORDER BY population_id, valid_from", ct, providerId);

    /// <summary>A responsibility of the population that overlaps the given period, if any: one population has one responsible party at a time.</summary>
    public static async Task<Responsibility?> OverlappingAsync(DbSession session, Guid populationId, DateOnly from, DateOnly? to, CancellationToken ct)
    {
        var rows = await QueryAsync(session,
            $"""
            SELECT {Columns} FROM responsibilities
            WHERE population_id = $1 AND valid_from <= coalesce($3, 'infinity'::date) AND coalesce(valid_to, 'infinity'::date) >= $2
            ORDER BY valid_from LIMIT 1
            """,
            ct, populationId, from, to);
        return rows.FirstOrDefault();
    }

    public static Task InsertAsync(DbSession session, Responsibility r, CancellationToken ct) =>
        session.ExecuteAsync(
            $"INSERT INTO responsibilities ({Columns}) VALUES ($1, $2, $3, $4, $5, $6, now(), $7)",
            ct, r.Id, r.PopulationId, r.Municipality, r.ProviderId, r.ValidFrom, r.ValidTo, session.Caller.Subject);

    private static Task<List<Responsibility>> QueryAsync(DbSession session, string sql, CancellationToken ct, params object?[] parameters) =>
        session.QueryAsync(
            sql,
            r => new Responsibility(
                r.GetGuid(0), r.GetGuid(1), r.GetString(2), r.GetString(3), r.GetFieldValue<DateOnly>(4),
                r.IsDBNull(5) ? null : r.GetFieldValue<DateOnly>(5), r.GetFieldValue<DateTimeOffset>(6), r.GetString(7)),
            ct,
            parameters);
}
