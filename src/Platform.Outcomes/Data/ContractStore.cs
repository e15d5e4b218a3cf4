using Platform.IntegrationEvents.Contracts;
using Platform.Persistence.Sessions;

namespace Platform.Outcomes.Data;

/// <summary>Keeps the contracts service's contracts and their result agreements as outcomes needs them.</summary>
internal static class ContractStore
{
    /// <summary>Keeps the newest version of a contract; an older event arriving late changes nothing.</summary>
    public static async Task UpsertAsync(DbSession session, ContractSnapshot c, string? status, CancellationToken ct)
    {
        var applied = await session.ExecuteAsync(
            """
            INSERT INTO contracts (contract_id, municipality, name, provider_ids, population_ids, starts_on, ends_on, status, version)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
            ON CONFLICT (contract_id) DO UPDATE SET
                name = excluded.name, provider_ids = excluded.provider_ids, population_ids = excluded.population_ids,
                starts_on = excluded.starts_on, ends_on = excluded.ends_on, status = excluded.status, version = excluded.version
            WHERE contracts.version < excluded.version OR (contracts.version = excluded.version AND contracts.status <> excluded.status)
            """,
            ct, c.ContractId, c.Municipality, c.Name, (object)new[] { c.ContractingProviderId }.Concat(c.ConsortiumProviderIds).Distinct().ToArray(),
            (object)c.PopulationIds.ToArray(), c.StartsOn, c.EndsOn, status ?? c.Status, c.Version);
        if (applied == 0)
        {
            return;
        }

        await session.ExecuteAsync(
            "DELETE FROM result_agreements WHERE contract_id = $1 AND NOT (agreement_id = ANY ($2))",
            ct, c.ContractId, c.ResultAgreements.Select(a => a.AgreementId).ToArray());
        foreach (var a in c.ResultAgreements)
        {
            await session.ExecuteAsync(
                """
                INSERT INTO result_agreements (agreement_id, contract_id, municipality, indicator_code, definition_version, comparison, norm, period, incentive, incentive_amount)
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
                ON CONFLICT (agreement_id) DO UPDATE SET
                    indicator_code = excluded.indicator_code, definition_version = excluded.definition_version, comparison = excluded.comparison,
                    norm = excluded.norm, period = excluded.period, incentive = excluded.incentive, incentive_amount = excluded.incentive_amount
                """,
                ct, a.AgreementId, c.ContractId, c.Municipality, a.IndicatorCode, a.DefinitionVersion, a.Comparison, a.Norm, a.Period, a.Incentive, a.IncentiveAmount);
        }

        await MeasurementStore.RequestEvaluationAsync(session, [c.Municipality], ct);
    }
}
