using Npgsql;
using Platform.Persistence.Sessions;
using Platform.Populations.Domain;

namespace Platform.Populations.Data;

/// <summary>
/// Reads and writes populations in the caller's transaction. There is no tenant filter in these
/// statements on purpose: row-level security decides which rows a caller sees and may change.
/// </summary>
internal static class PopulationStore
{
    private const string Columns =
        "id, municipality, name, status, areas, age_from, age_to, laws, care_forms, diagnosis_group, valid_from, valid_to, version, updated_at, updated_by";

    public static async Task<StoredPopulation?> FindAsync(DbSession session, Guid id, CancellationToken ct, bool forUpdate = false)
    {
        var rows = await QueryAsync(session, $"SELECT {Columns} FROM populations WHERE id = $1{(forUpdate ? " FOR UPDATE" : "")}", ct, id);
        return rows.Count == 0 ? null : rows[0];
    }

    /// <summary>Every population the caller may see, optionally of one municipality and status.</summary>
    public static Task<List<StoredPopulation>> ListAsync(DbSession session, string? municipality, PopulationStatus? status, CancellationToken ct) =>
        QueryAsync(session,
            $"""
            SELECT {Columns} FROM populations
            WHERE ($1::text IS NULL OR municipality = $1) AND ($2::text IS NULL OR status = $2)
            ORDER BY municipality, name, id
            """,
            ct, municipality, status?.ToString().ToLowerInvariant());

    /// <summary>Writes a new population at version 1 and returns it as stored.</summary>
    public static async Task<StoredPopulation> InsertAsync(DbSession session, PopulationDefinition population, CancellationToken ct) =>
        (await QueryAsync(session,
            $"""
            INSERT INTO populations ({Columns})
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, 1, now(), $13)
            RETURNING {Columns}
            """,
            ct, [.. Values(population), session.Caller.Subject]))[0];

    /// <summary>Writes a new state of an existing population, one version up, and returns it as stored.</summary>
    public static async Task<StoredPopulation> UpdateAsync(DbSession session, PopulationDefinition population, CancellationToken ct) =>
        (await QueryAsync(session,
            $"""
            UPDATE populations
            SET municipality = $2, name = $3, status = $4, areas = $5, age_from = $6, age_to = $7, laws = $8,
                care_forms = $9, diagnosis_group = $10, valid_from = $11, valid_to = $12,
                version = version + 1, updated_at = now(), updated_by = $13
            WHERE id = $1
            RETURNING {Columns}
            """,
            ct, [.. Values(population), session.Caller.Subject])).SingleOrDefault()
        ?? throw new InvalidOperationException($"Population {population.Id} vanished during its update.");

    /// <summary>The codes among <paramref name="codes"/> that the areas table does not know.</summary>
    public static Task<List<string>> UnknownAreasAsync(DbSession session, IEnumerable<AreaCode> codes, CancellationToken ct) =>
        session.QueryAsync(
            "SELECT c FROM unnest($1::text[]) AS c WHERE NOT EXISTS (SELECT 1 FROM areas WHERE code = c) ORDER BY c",
            r => r.GetString(0), ct, (object)codes.Select(c => c.Value).ToArray());

    private static object?[] Values(PopulationDefinition p) =>
    [
        p.Id,
        p.Municipality,
        p.Name,
        p.Status.ToString().ToLowerInvariant(),
        p.Areas.Select(a => a.Value).ToArray(),
        p.TargetGroup.Ages.From,
        p.TargetGroup.Ages.To,
        p.TargetGroup.Laws.Order().Select(l => l.ToString()).ToArray(),
        p.TargetGroup.CareForms.Order(StringComparer.Ordinal).ToArray(),
        p.TargetGroup.DiagnosisGroup,
        p.Validity.From,
        p.Validity.To,
    ];

    private static Task<List<StoredPopulation>> QueryAsync(DbSession session, string sql, CancellationToken ct, params object?[] parameters) =>
        session.QueryAsync(sql, Read, ct, parameters);

    private static StoredPopulation Read(NpgsqlDataReader r)
    {
        var targetGroup = new TargetGroup(
            new AgeRange(r.GetInt32(5), r.IsDBNull(6) ? null : r.GetInt32(6)),
            r.GetFieldValue<string[]>(7).Select(Enum.Parse<Law>).ToHashSet(),
            new SortedSet<string>(r.GetFieldValue<string[]>(8), StringComparer.Ordinal),
            r.IsDBNull(9) ? null : r.GetString(9));
        var definition = new PopulationDefinition(
            r.GetGuid(0),
            r.GetString(1),
            r.GetString(2),
            [.. r.GetFieldValue<string[]>(4).Select(AreaCode.Parse)],
            targetGroup,
            new Period(r.GetFieldValue<DateOnly>(10), r.IsDBNull(11) ? null : r.GetFieldValue<DateOnly>(11)),
            Enum.Parse<PopulationStatus>(r.GetString(3), ignoreCase: true));
        return new StoredPopulation(definition, r.GetInt32(12), r.GetFieldValue<DateTimeOffset>(13), r.GetString(14));
    }
}
