using Platform.Outcomes.Domain.Results;
using Platform.Persistence.Sessions;

namespace Platform.Outcomes.Data;

/// <summary>A contract as results and evaluations need it.</summary>
internal sealed record ContractUnit(Guid ContractId, string Municipality, string Name, IReadOnlyList<Guid> PopulationIds, string Status, DateOnly StartsOn, DateOnly EndsOn);

/// <summary>A result agreement of an active contract.</summary>
internal sealed record Agreement(Guid AgreementId, Guid ContractId, string Indicator, string Comparison, decimal Norm, string PeriodKind);

/// <summary>Reads what results are computed from: definitions, contracts and agreements; row-level security scopes the last two.</summary>
internal static class ResultInputStore
{
    public static Task<List<Definition>> DefinitionsAsync(DbSession session, CancellationToken ct) =>
        session.QueryAsync(
            """
            SELECT d.code, i.family, d.version, d.valid_from, d.statistic, d.reading, d.minimum_measurements
            FROM indicator_definitions d JOIN indicators i ON i.code = d.code
            """,
            r => new Definition(r.GetString(0), r.GetString(1), r.GetInt32(2), r.GetFieldValue<DateOnly>(3), r.GetString(4),
                r.IsDBNull(5) ? null : r.GetString(5), r.GetInt32(6)),
            ct);

    public static Task<List<ContractUnit>> ContractsAsync(DbSession session, Guid? contractId, CancellationToken ct) =>
        session.QueryAsync(
            """
            SELECT contract_id, municipality, name, population_ids, status, starts_on, ends_on
            FROM contracts WHERE $1::uuid IS NULL OR contract_id = $1 ORDER BY name, contract_id
            """,
            r => new ContractUnit(r.GetGuid(0), r.GetString(1), r.GetString(2), r.GetFieldValue<Guid[]>(3), r.GetString(4),
                r.GetFieldValue<DateOnly>(5), r.GetFieldValue<DateOnly>(6)),
            ct, contractId);

    public static Task<List<Agreement>> ActiveAgreementsAsync(DbSession session, CancellationToken ct) =>
        session.QueryAsync(
            """
            SELECT a.agreement_id, a.contract_id, a.indicator_code, a.comparison, a.norm, a.period
            FROM result_agreements a JOIN contracts c ON c.contract_id = a.contract_id
            WHERE c.status = 'active' ORDER BY a.contract_id, a.agreement_id
            """,
            r => new Agreement(r.GetGuid(0), r.GetGuid(1), r.GetString(2), r.GetString(3), r.GetDecimal(4), r.GetString(5)),
            ct);
}
