using Platform.Contracts.Domain;
using Platform.IntegrationEvents.Contracts;

namespace Platform.Contracts.Events;

/// <summary>A stored contract as the other services read it in the contract events.</summary>
internal static class ContractEvents
{
    public static ContractSnapshot Snapshot(StoredContract c) => new(
        c.Id,
        c.Municipality,
        c.Terms.Name,
        c.Terms.LegalForm,
        c.Terms.ContractingProviderId,
        [.. c.Terms.Parties.Where(p => p.Role != ContractRules.ContractingParty).Select(p => p.ProviderId)],
        c.Terms.Populations,
        c.Terms.Laws,
        c.Terms.Start,
        c.LastDay,
        c.Status,
        [.. (c.Terms.ResultAgreements ?? []).Select(a => new ResultAgreementSnapshot(
            a.AgreementId!.Value, a.IndicatorCode, a.DefinitionVersion, a.Comparison, a.Norm, a.Period, a.Incentive, a.IncentiveAmount))],
        c.Version);
}
