namespace Platform.Contracts.Domain.DefinitionCheck;

/// <summary>The five points of the definition of population funding ("populatiebekostiging"), in the report's order.</summary>
internal enum DefinitionPoint
{
    /// <summary>1. A fixed (or negotiable) sum for a delimited population, by target group or area.</summary>
    FixedSumForDelimitedPopulation = 1,

    /// <summary>2. The sum is based on the weight and/or characteristics of that population ("zwaarte en/of kenmerken").</summary>
    BasedOnPopulationWeight = 2,

    /// <summary>3. The sum buys a package of results described in advance for that population.</summary>
    ResultsForThePopulation = 3,

    /// <summary>4. The (main) provider is free in how it spends the budget and acts within it ("vrijheid").</summary>
    ProviderFreedom = 4,

    /// <summary>5. The (main) provider accounts for the agreed results ("verantwoording").</summary>
    AccountsForResults = 5,
}

/// <summary>Why a point passed or failed; each code stands for one sentence of reasoning.</summary>
internal enum DefinitionReason
{
    LumpSumForDelimitedPopulation,
    BudgetPerClient,
    PaidPerUnit,
    PopulationNotDelimited,

    BasedOnCharacteristics,
    BasedOnExpectedClients,
    BasedOnStateAllocation,
    BasedOnClientResultPackages,
    BasisNotStated,
    AreaDataShared,
    BaselineMeasured,

    OutcomesForWholePopulation,
    NoResultAgreements,
    ResultsOnlyForSupportedClients,
    NoOutcomeForPopulation,
    ProcessResultsDominate,

    ProviderDecidesAndSpends,
    MunicipalityDecidesWhatIsNeeded,
    SingleProduct,

    ReportsOnAgreedResults,
    NoResultsToAccountFor,
    NoReportingOnResults,
    SubsidyResultsNotEnforceable,
}

/// <summary>One reason: its code, and the sentence in English with the report's Dutch term where it names one.</summary>
internal sealed record Reason<TCode>(TCode Code, string Text)
    where TCode : struct, Enum;

/// <summary>One point of the definition, passed or failed, with its reasons in the order the report gives them.</summary>
internal sealed record PointResult(DefinitionPoint Point, bool Passed, IReadOnlyList<Reason<DefinitionReason>> Reasons)
{
    public IReadOnlyList<DefinitionReason> Codes => [.. Reasons.Select(r => r.Code)];
}
