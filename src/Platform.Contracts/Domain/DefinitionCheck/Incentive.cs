namespace Platform.Contracts.Domain.DefinitionCheck;

/// <summary>The four incentives the report looks at, in its order.</summary>
internal enum Incentive
{
    /// <summary>Volume (number of clients, "volume"): do the incentives lead to over- or underproduction?</summary>
    Volume,

    /// <summary>Input per client (direct means per client, "inzet"): does it drive costs up or press them down?</summary>
    InputPerClient,

    /// <summary>Quality of the result ("kwaliteit"): is it driven up or down?</summary>
    Quality,

    /// <summary>
    /// Accessibility (selection at the gate or after, "toegankelijkheid"): do the incentives make it pay to keep
    /// difficult cases out or refer them on (too) quickly?
    /// </summary>
    Accessibility,
}

/// <summary>Which way an incentive pushes: the report's arrow, or none where it names no direction.</summary>
internal enum Direction
{
    /// <summary>The report names no direction for this form.</summary>
    None,

    /// <summary>↑: more volume, more input per client, higher quality, better access.</summary>
    Up,

    /// <summary>↓: less volume, less input per client, lower quality, worse access.</summary>
    Down,
}

/// <summary>Why an incentive points the way it does; each code stands for one sentence of reasoning.</summary>
internal enum IncentiveReason
{
    FixedSumLowersVolume,
    PreventionWithinBroadResponsibility,
    UnderProductionRisk,
    NoResultsAgainstUnderProduction,
    PaidPerUnitRaisesVolume,
    PaidPerClientRaisesVolume,
    IndependentAccessHoldsVolume,

    CombinesCareAndTailoredSolutions,
    VolunteersIntegrationAndInnovation,
    InputMatchedToNeed,
    MunicipalityDecidesInput,
    FixedSumPressesInput,
    PaidPerUnitRaisesInput,
    InputPaysOnlyForResults,

    SteeringOnResultsForPopulation,
    IndependentQualityMeasurement,
    ResultsForClientsInCare,
    ProcessFocusRisk,
    WholePopulationResultsNeeded,
    LittleRoomToMirror,
    IntegralityNotGuaranteed,
    NoResultSteering,
    PaidForResults,

    ResponsibleForWholePopulation,
    LowThresholdNeighbourhoodWork,
    AccessDependsOnPopulationDefinition,
    ReferralRisk,
    ReferralsMonitored,
    ComplexClientsReferredOn,

    NotAssessedForForm,
}

/// <summary>One incentive with its direction and reasons, in the order the report gives them.</summary>
internal sealed record IncentiveResult(Incentive Incentive, Direction Direction, IReadOnlyList<Reason<IncentiveReason>> Reasons)
{
    public IReadOnlyList<IncentiveReason> Codes => [.. Reasons.Select(r => r.Code)];
}

/// <summary>The four incentives of an arrangement.</summary>
internal sealed record IncentiveProfileResult(IReadOnlyList<IncentiveResult> Incentives)
{
    public IncentiveResult this[Incentive incentive] => Incentives.Single(i => i.Incentive == incentive);
}
