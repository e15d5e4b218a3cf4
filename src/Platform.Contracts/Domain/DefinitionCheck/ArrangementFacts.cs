namespace Platform.Contracts.Domain.DefinitionCheck;

/// <summary>How the money reaches the party that does the work.</summary>
internal enum BudgetForm
{
    /// <summary>One fixed (or negotiable) sum per period for the population ("vast of onderhandelbaar bedrag", lumpsum).</summary>
    LumpSum,

    /// <summary>A budget set per client for that client's package of results ("resultaatbekostiging per cliënt").</summary>
    PerClientResultPackage,

    /// <summary>Paid per unit delivered: volume is paid ("productiebekostiging", PxQ).</summary>
    PerUnitDelivered,
}

/// <summary>How the population the sum is for is delimited ("afbakening populatie").</summary>
internal enum PopulationDelimitation
{
    /// <summary>Not delimited: whoever becomes a client (the caseload).</summary>
    None,

    /// <summary>By area: municipality, district or neighbourhood ("gebied", "wijk", "buurt").</summary>
    Area,

    /// <summary>By target group: age, care demand or diagnosis ("doelgroep").</summary>
    TargetGroup,

    /// <summary>By area and target group together.</summary>
    AreaAndTargetGroup,
}

/// <summary>What the amount for this population rests on.</summary>
internal enum BudgetBasis
{
    /// <summary>The basis is not stated.</summary>
    NotStated,

    /// <summary>
    /// Characteristics of the population, e.g. the expected effort of the teams from education, households with
    /// children, social isolation, social assistance and historic care use ("kenmerken", "zwaarte").
    /// </summary>
    PopulationCharacteristics,

    /// <summary>The expected number of clients per area, estimated from historic use ("verwacht aantal cliënten").</summary>
    ExpectedClients,

    /// <summary>The budget received from the state ("Rijk", meicirculaire, Vektis figures), not split by area or group.</summary>
    StateAllocation,

    /// <summary>Each client's package of results: the caseload, not a population.</summary>
    ClientResultPackage,
}

/// <summary>The breadth of what the party answers for ("opdracht").</summary>
internal enum SupportScope
{
    /// <summary>Basic support only ("basisondersteuning"); supplementary care is bought separately ("aanvullende zorg").</summary>
    BasicSupportOnly,

    /// <summary>Access, general and specialist support in one assignment ("brede opdracht").</summary>
    BroadIncludingSpecialist,

    /// <summary>One product, e.g. domestic help ("hulp bij het huishouden"): the arrangement is product-bound.</summary>
    SingleProduct,
}

/// <summary>Who clarifies the citizen's question and decides what is needed ("toegang", "wie bepaalt wat nodig is").</summary>
internal enum Access
{
    /// <summary>The contracted (main) provider.</summary>
    Provider,

    /// <summary>The municipality's own teams.</summary>
    Municipality,
}

/// <summary>Who checks that the agreed results are reached, beyond the provider's own report.</summary>
internal enum ResultsCheck
{
    None,

    /// <summary>An annual report with an accountant's statement ("accountantscontrole").</summary>
    Auditor,

    /// <summary>Research by an independent party, e.g. home visits ("onafhankelijk onderzoek").</summary>
    IndependentResearch,
}

/// <summary>Whether a result is an outcome or a measure of the process ("uitkomst" or "proces").</summary>
internal enum ResultKind
{
    /// <summary>An outcome ("outcome", "uitkomstresultaat"): self-reliance, participation, client experience.</summary>
    Outcome,

    /// <summary>A process result ("procesresultaat"): waiting time, in- and outflow, referrals.</summary>
    Process,
}

/// <summary>Whom a result is measured for.</summary>
internal enum ResultScope
{
    /// <summary>The whole delimited population, also residents not (yet) supported ("gehele populatie").</summary>
    WholePopulation,

    /// <summary>Only the citizens receiving support ("ondersteunde burgers", "mensen in zorg").</summary>
    SupportedClients,
}

/// <summary>A result agreed in advance ("resultaatafspraak"), as the definition check reads it.</summary>
internal sealed record AgreedResult(string Name, ResultKind Kind, ResultScope Scope);
