using System.Text.Json;
using Platform.Budgets.Domain;
using Platform.IntegrationEvents.Contracts;
using Platform.IntegrationEvents.Outcomes;
using Platform.IntegrationEvents.Populations;
using Platform.Persistence.Sessions;

namespace Platform.Budgets.Data;

/// <summary>A contract as the budgets service keeps it from the contracts service's events.</summary>
internal sealed record KnownContract(
    Guid Id, string Municipality, string Name, string LegalForm, string ContractingProviderId, IReadOnlyList<Guid> PopulationIds,
    DateOnly StartsOn, DateOnly EndsOn, string Status);

/// <summary>Writes and reads what the populations, contracts and outcomes services tell.</summary>
internal static class ReadModelStore
{
    /// <summary>Keeps the newest version of a population; an older event arriving late changes nothing.</summary>
    public static Task UpsertPopulationAsync(DbSession session, PopulationSnapshot p, CancellationToken ct) =>
        session.ExecuteAsync(
            """
            INSERT INTO populations (id, municipality, name, status, areas, version) VALUES ($1, $2, $3, $4, $5, $6)
            ON CONFLICT (id) DO UPDATE SET name = excluded.name, status = excluded.status, areas = excluded.areas, version = excluded.version
            WHERE populations.version < excluded.version
            """,
            ct, p.PopulationId, p.Municipality, p.Name, p.Status, (object)p.Areas.ToArray(), p.Version);

    /// <summary>An area's values replace those it had for the same reference date: the event carries every value of a changed area.</summary>
    public static async Task UpsertCharacteristicsAsync(DbSession session, CharacteristicsPublished published, CancellationToken ct)
    {
        foreach (var area in published.Areas)
        {
            await session.ExecuteAsync(
                """
                INSERT INTO area_characteristics (area_code, reference_date, municipality, "values") VALUES ($1, $2, $3, $4::jsonb)
                ON CONFLICT (area_code, reference_date) DO UPDATE SET "values" = excluded."values"
                """,
                ct, area.AreaCode, published.ReferenceDate, published.Municipality, JsonSerializer.Serialize(area.Values));
        }
    }

    public static Task UpsertContractAsync(DbSession session, ContractSnapshot c, CancellationToken ct) =>
        session.ExecuteAsync(
            """
            INSERT INTO contracts (id, municipality, name, legal_form, contracting_provider_id, population_ids, starts_on, ends_on, status, result_agreements, version)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10::jsonb, $11)
            ON CONFLICT (id) DO UPDATE SET
                name = excluded.name, legal_form = excluded.legal_form, contracting_provider_id = excluded.contracting_provider_id,
                population_ids = excluded.population_ids, starts_on = excluded.starts_on, ends_on = excluded.ends_on,
                status = excluded.status, result_agreements = excluded.result_agreements, version = excluded.version
            WHERE contracts.version <= excluded.version
            """,
            ct, c.ContractId, c.Municipality, c.Name, c.LegalForm, c.ContractingProviderId, (object)c.PopulationIds.ToArray(),
            c.StartsOn, c.EndsOn, c.Status, JsonSerializer.Serialize(c.ResultAgreements), c.Version);

    /// <summary>An ended contract keeps its last snapshot, marked ended, and its term cut at the day it ended.</summary>
    public static Task EndContractAsync(DbSession session, ContractEnded ended, CancellationToken ct) =>
        UpsertContractAsync(session, ended.Contract with { Status = "ended", EndsOn = ended.EndedOn }, ct);

    /// <summary>Keeps the newest revision of an evaluation; a recomputation replaces it, a late older one does not.</summary>
    public static Task UpsertEvaluationAsync(DbSession session, ResultAgreementEvaluated e, CancellationToken ct) =>
        session.ExecuteAsync(
            """
            INSERT INTO result_evaluations (agreement_id, period_start, period_end, municipality, contract_id, indicator_code, value, norm, outcome, revision)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
            ON CONFLICT (agreement_id, period_start) DO UPDATE SET
                period_end = excluded.period_end, value = excluded.value, norm = excluded.norm, outcome = excluded.outcome, revision = excluded.revision
            WHERE result_evaluations.revision < excluded.revision
            """,
            ct, e.AgreementId, e.PeriodStart, e.PeriodEnd, e.Municipality, e.ContractId, e.IndicatorCode, e.Value, e.Norm, e.Outcome, e.Revision);

    public static async Task<List<PopulationAreas>> PopulationsAsync(DbSession session, IReadOnlyCollection<Guid> ids, CancellationToken ct) =>
        await session.QueryAsync(
            "SELECT id, name, areas FROM populations WHERE id = ANY($1) ORDER BY name, id",
            r => new PopulationAreas(r.GetGuid(0), r.GetString(1), r.GetFieldValue<string[]>(2)),
            ct, (object)ids.ToArray());

    /// <summary>Each area's values as of a date: those of its newest reference date on or before it.</summary>
    public static async Task<Dictionary<string, IReadOnlyDictionary<string, double?>>> CharacteristicsAsOfAsync(
        DbSession session, IEnumerable<string> areas, DateOnly asOf, CancellationToken ct)
    {
        var rows = await session.QueryAsync(
            """
            SELECT DISTINCT ON (area_code) area_code, "values"::text
            FROM area_characteristics WHERE area_code = ANY($1) AND reference_date <= $2
            ORDER BY area_code, reference_date DESC
            """,
            r => (Area: r.GetString(0), Values: JsonSerializer.Deserialize<Dictionary<string, double?>>(r.GetString(1))!),
            ct, areas.Distinct(StringComparer.Ordinal).ToArray(), asOf);
        return rows.ToDictionary(r => r.Area, r => (IReadOnlyDictionary<string, double?>)r.Values, StringComparer.Ordinal);
    }

    public static async Task<KnownContract?> ContractAsync(DbSession session, Guid id, CancellationToken ct) =>
        (await session.QueryAsync(
            """
            SELECT id, municipality, name, legal_form, contracting_provider_id, population_ids, starts_on, ends_on, status
            FROM contracts WHERE id = $1
            """,
            r => new KnownContract(
                r.GetGuid(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4), r.GetFieldValue<Guid[]>(5),
                r.GetFieldValue<DateOnly>(6), r.GetFieldValue<DateOnly>(7), r.GetString(8)),
            ct, id)).SingleOrDefault();
}
