using Platform.Contracts.Domain;
using Platform.Persistence.Sessions;

namespace Platform.Contracts.Data;

/// <summary>Another contract answering for one of the populations on one of the same days.</summary>
internal sealed record ResponsibilityConflict(Guid ContractId, string ContractName, Guid PopulationId, DateOnly From, DateOnly To);

/// <summary>Who answers for which population over which days: written when a contract comes into force, ends or changes.</summary>
internal static class ResponsibilityStore
{
    /// <summary>The first other contract already answering for one of <paramref name="populations"/> within the period.</summary>
    public static async Task<ResponsibilityConflict?> FindConflictAsync(
        DbSession s, Guid contractId, IReadOnlyList<Guid> populations, DateOnly from, DateOnly to, CancellationToken ct) =>
        (await s.QueryAsync(
            """
            SELECT r.contract_id, c.name, r.population_id, lower(r.period), (upper(r.period) - 1)
            FROM responsibilities r JOIN contracts c ON c.id = r.contract_id
            WHERE r.contract_id <> $1 AND r.population_id = ANY ($2) AND r.period && daterange($3, $4, '[]')
            ORDER BY lower(r.period), c.name
            LIMIT 1
            """,
            r => new ResponsibilityConflict(r.GetGuid(0), r.GetString(1), r.GetGuid(2), r.GetFieldValue<DateOnly>(3), r.GetFieldValue<DateOnly>(4)),
            ct, contractId, populations.ToArray(), from, to)).SingleOrDefault();

    /// <summary>Makes the contract's responsibilities exactly its populations over its start and last day.</summary>
    public static async Task ReplaceAsync(DbSession s, StoredContract c, CancellationToken ct)
    {
        await s.ExecuteAsync("DELETE FROM responsibilities WHERE contract_id = $1", ct, c.Id);
        await s.ExecuteAsync(
            """
            INSERT INTO responsibilities (contract_id, population_id, municipality, provider_id, period)
            SELECT $1, unnest($2::uuid[]), $3, $4, daterange($5, $6, '[]')
            """,
            ct, c.Id, c.Terms.Populations.ToArray(), c.Municipality, c.Terms.ContractingProviderId, c.Terms.Start, c.LastDay);
    }
}
