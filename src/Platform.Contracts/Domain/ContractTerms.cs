namespace Platform.Contracts.Domain;

/// <summary>A party to the contract: the contracting party, or a main or subcontractor of its consortium.</summary>
internal sealed record ContractParty(string ProviderId, string Name, string Role);

/// <summary>How access to care ("toegang") is arranged: who organises it, and how.</summary>
internal sealed record AccessArrangement(string OrganisedBy, string? Description);

/// <summary>
/// A contract's terms as its contract manager enters them. The term runs from <see cref="Start"/> to
/// <see cref="End"/>; it may be extended <see cref="ExtensionOptions"/> times by <see cref="ExtensionMonths"/>
/// months each; notice must be given <see cref="NoticeMonths"/> months before the (current) end. The scope is the
/// populations (by their id in the populations service), laws, care forms and access arrangement.
/// </summary>
internal sealed record ContractTerms(
    string Name,
    string LegalForm,
    IReadOnlyList<ContractParty> Parties,
    DateOnly Start,
    DateOnly End,
    IReadOnlyList<DateOnly> EvaluationDates,
    int ExtensionOptions,
    int ExtensionMonths,
    int NoticeMonths,
    IReadOnlyList<Guid> Populations,
    IReadOnlyList<string> Laws,
    bool HasMalus,
    string? Notes,
    IReadOnlyList<string>? CareForms = null,
    AccessArrangement? Access = null,
    Obligations? Obligations = null,
    IReadOnlyList<ResultAgreement>? ResultAgreements = null)
{
    /// <summary>The terms with every optional list present, as they are stored.</summary>
    public ContractTerms Normalised() => this with
    {
        Parties = Parties ?? [],
        EvaluationDates = EvaluationDates ?? [],
        Populations = Populations ?? [],
        Laws = Laws ?? [],
        CareForms = CareForms ?? [],
        Obligations = Obligations ?? Obligations.None,
        ResultAgreements = [.. (ResultAgreements ?? []).Select(a => a with { AgreementId = a.AgreementId ?? Guid.CreateVersion7() })],
    };

    /// <summary>The contracting party's provider id; empty for a municipality-run arrangement, which has none.</summary>
    public string ContractingProviderId =>
        (Parties ?? []).FirstOrDefault(p => p.Role == ContractRules.ContractingParty)?.ProviderId ?? string.Empty;
}
