using Platform.Contracts.Domain;

namespace Platform.Contracts.Contracts;

/// <summary>A contract as staff read it, with its notice deadline computed from the current end.</summary>
internal sealed record ContractView(
    Guid Id, string Municipality, string Name, string LegalForm, string Status, IReadOnlyList<ContractParty> Parties,
    DateOnly Start, DateOnly End, IReadOnlyList<DateOnly> EvaluationDates, int ExtensionOptions, int ExtensionMonths,
    int ExtensionsUsed, int NoticeMonths, DateOnly NoticeDeadline, IReadOnlyList<Guid> Populations, IReadOnlyList<string> Laws,
    IReadOnlyList<string> CareForms, AccessArrangement? Access, Obligations Obligations, IReadOnlyList<ResultAgreement> ResultAgreements,
    bool HasMalus, string? Notes, DateOnly? EndedOn, string? EndReason, int Version)
{
    public static ContractView Of(StoredContract c) => new(
        c.Id, c.Municipality, c.Terms.Name, c.Terms.LegalForm, c.Status, c.Terms.Parties, c.Terms.Start, c.Terms.End,
        c.Terms.EvaluationDates, c.Terms.ExtensionOptions, c.Terms.ExtensionMonths, c.ExtensionsUsed, c.Terms.NoticeMonths,
        c.NoticeDeadline, c.Terms.Populations, c.Terms.Laws, c.Terms.CareForms ?? [], c.Terms.Access, c.Terms.Obligations ?? Obligations.None,
        c.Terms.ResultAgreements ?? [], c.Terms.HasMalus, c.Terms.Notes, c.EndedOn, c.EndReason, c.Version);
}
