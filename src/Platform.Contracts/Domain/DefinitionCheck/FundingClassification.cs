namespace Platform.Contracts.Domain.DefinitionCheck;

/// <summary>
/// Which funding form an arrangement is, by the report's two questions: does the municipality pay for an offer or for
/// a result, and does the caseload or the population set the volume; and whether the municipality keeps the decision
/// on what is needed, which puts an arrangement outside population funding in the strict sense.
/// </summary>
internal enum FundingClassification
{
    /// <summary>Population funding meeting all five points ("populatiebekostiging").</summary>
    PopulationFunding,

    /// <summary>Population funding that (still) deviates on one or more points ("wijkt (nog) af").</summary>
    PopulationFundingDeviating,

    /// <summary>
    /// The municipality keeps what is needed in its own hands: strictly speaking no longer population funding
    /// ("heel feitelijk niet meer"), though with strong parallels.
    /// </summary>
    MunicipalityKeepsWhatIsNeeded,

    /// <summary>A fixed sum without steering on results: availability funding ("beschikbaarheidsbekostiging").</summary>
    AvailabilityFunding,

    /// <summary>A budget per client's results ("resultaatbekostiging per cliënt", pay for performance).</summary>
    PayForPerformance,

    /// <summary>Paid per unit delivered ("productiebekostiging", PxQ, fee for service).</summary>
    FeeForService,
}

/// <summary>The five points, and the classification they lead to.</summary>
internal sealed record DefinitionCheckResult(
    IReadOnlyList<PointResult> Points, FundingClassification Classification, string ClassificationReason)
{
    public bool MeetsDefinition => Points.All(p => p.Passed);

    /// <summary>The points the arrangement (still) deviates on.</summary>
    public IReadOnlyList<DefinitionPoint> Deviations => [.. Points.Where(p => !p.Passed).Select(p => p.Point)];

    public PointResult this[DefinitionPoint point] => Points.Single(p => p.Point == point);
}
