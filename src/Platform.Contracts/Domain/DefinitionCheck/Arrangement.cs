namespace Platform.Contracts.Domain.DefinitionCheck;

/// <summary>
/// What a contract and its budget basis say about an arrangement: exactly the facts the report on population funding
/// ("De rol van populatiebekostiging in het sociaal domein", chapters 2 to 4) reasons with when it scores an
/// arrangement against the five-point definition and the four incentives.
/// </summary>
internal sealed record Arrangement
{
    /// <summary>The arrangement's name, used in the reasons.</summary>
    public required string Name { get; init; }

    /// <summary>The legal form, one of <see cref="Domain.LegalForm.All"/> ("subsidie", "overeenkomst", "partnership").</summary>
    public required string LegalForm { get; init; }

    public required BudgetForm BudgetForm { get; init; }

    public required PopulationDelimitation Population { get; init; }

    public required BudgetBasis BudgetBasis { get; init; }

    /// <summary>An efficiency discount was taken off the starting budget ("efficiencykorting").</summary>
    public bool EfficiencyDiscount { get; init; }

    /// <summary>Data on the districts and a social map were shared with the provider ("data over de wijken", "sociale kaart").</summary>
    public bool AreaDataShared { get; init; }

    /// <summary>A baseline of the population's self-reliance and participation was measured per area ("nulmeting").</summary>
    public bool BaselineMeasured { get; init; }

    public required SupportScope Scope { get; init; }

    /// <summary>What the arrangement buys, in the reasons' words (e.g. "hulp bij het huishouden").</summary>
    public required string Assignment { get; init; }

    public required Access Access { get; init; }

    /// <summary>The results agreed in advance; empty when there are none.</summary>
    public required IReadOnlyList<AgreedResult> Results { get; init; }

    /// <summary>The party periodically reports on the agreed results ("verantwoording").</summary>
    public required bool ReportsOnResults { get; init; }

    public ResultsCheck ResultsCheckedBy { get; init; }

    /// <summary>
    /// How many areas or providers the municipality can compare this one's results with ("spiegelen"): the
    /// neighbourhoods with their own budget, or the providers contracted for the same assignment. One when the whole
    /// municipality has a single contracting party.
    /// </summary>
    public required int AreasOrProvidersToCompare { get; init; }

    /// <summary>The provider works low-threshold and neighbourhood-oriented ("laagdrempelig en buurtgericht").</summary>
    public bool LowThresholdNeighbourhoodWork { get; init; }

    /// <summary>The municipality follows the referrals to supplementary care closely ("doorverwijzingen goed volgen").</summary>
    public bool ReferralsMonitored { get; init; }

    /// <summary>Who holds the budget and does the work, as the reasons name it.</summary>
    public string Party => LegalForm == Domain.LegalForm.MunicipalityRun ? "municipality's own team" : "provider";

    public bool HasResults => Results.Count > 0;

    /// <summary>At least one result is measured for the whole population, not only for clients in care.</summary>
    public bool HasWholePopulationResults => Results.Any(r => r.Scope == ResultScope.WholePopulation);

    /// <summary>The municipality keeps the decision on what a citizen needs ("regie over wat nodig is").</summary>
    public bool MunicipalityDecidesWhatIsNeeded =>
        Access == Access.Municipality || LegalForm == Domain.LegalForm.MunicipalityRun;

    public IReadOnlyList<AgreedResult> Outcomes => [.. Results.Where(r => r.Kind == ResultKind.Outcome)];

    public IReadOnlyList<AgreedResult> ProcessResults => [.. Results.Where(r => r.Kind == ResultKind.Process)];

    /// <summary>At most one outcome is steered on and the rest are process results.</summary>
    public bool ProcessResultsDominate => ProcessResults.Count > 0 && Outcomes.Count <= 1;

    /// <summary>Throws when the facts cannot describe an arrangement.</summary>
    public void EnsureValid()
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(Name);
        ArgumentException.ThrowIfNullOrWhiteSpace(Assignment);

        // The reasons repeat these texts; none of them may carry a citizen service number.
        if (new[] { Name, Assignment }.Concat(Results?.Select(r => r?.Name ?? "") ?? []).Any(FreeText.ContainsBsnLikeNumber))
        {
            throw new ArgumentException("An arrangement never names a client: a text holds what may be a BSN.");
        }

        if (!Domain.LegalForm.All.Contains(LegalForm))
        {
            throw new ArgumentException($"Legal form must be one of {string.Join(", ", Domain.LegalForm.All)}.", nameof(LegalForm));
        }

        if (!Enum.IsDefined(BudgetForm) || !Enum.IsDefined(Population) || !Enum.IsDefined(BudgetBasis) ||
            !Enum.IsDefined(Scope) || !Enum.IsDefined(Access) || !Enum.IsDefined(ResultsCheckedBy))
        {
            throw new ArgumentException("Every choice must be one of its defined values.");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(AreasOrProvidersToCompare, 1);
        ArgumentNullException.ThrowIfNull(Results);
        if (Results.Any(r => r is null || string.IsNullOrWhiteSpace(r.Name) || !Enum.IsDefined(r.Kind) || !Enum.IsDefined(r.Scope)))
        {
            throw new ArgumentException("Each result has a name, a kind and a scope.", nameof(Results));
        }
    }
}
