namespace Platform.Referrals.Domain.Intake;

/// <summary>A population as the referrals service knows it, with one period a provider answers for it.</summary>
public sealed record ScopedPopulation(
    Guid PopulationId, string Municipality, string Name, string Status, IReadOnlyList<string> Areas, int AgeFrom, int? AgeTo,
    DateOnly ValidFrom, DateOnly? ValidTo, DateOnly ResponsibleFrom, DateOnly? ResponsibleTo);

/// <summary>
/// What a provider may submit for: the populations it is responsible for. A referral belongs to the population
/// whose areas contain its neighbourhood, whose ages overlap its age band and whose validity and responsibility
/// both cover its date. Of several, the one with the most precise area wins (neighbourhood over district over
/// municipality), then the narrowest age range, so the same referral always lands in the same population.
/// </summary>
public sealed class ProviderScope(IReadOnlyList<ScopedPopulation> populations)
{
    public IReadOnlyList<ScopedPopulation> Populations { get; } = populations;

    public ScopedPopulation? PopulationFor(Referral referral)
    {
        ArgumentNullException.ThrowIfNull(referral);
        return Populations
            .Where(p => p.Status != "draft" && Covers(p, referral.ReferralDate) && AgesOverlap(p, referral.AgeBand))
            .Select(p => (Population: p, Precision: p.Areas.Max(a => Precision(a, referral.Neighbourhood))))
            .Where(candidate => candidate.Precision >= 0)
            .OrderByDescending(candidate => candidate.Precision)
            .ThenBy(candidate => (candidate.Population.AgeTo ?? 120) - candidate.Population.AgeFrom)
            .ThenBy(candidate => candidate.Population.PopulationId)
            .Select(candidate => candidate.Population)
            .FirstOrDefault();
    }

    private static bool Covers(ScopedPopulation p, DateOnly day) =>
        p.ValidFrom <= day && (p.ValidTo is null || p.ValidTo >= day)
        && p.ResponsibleFrom <= day && (p.ResponsibleTo is null || p.ResponsibleTo >= day);

    private static bool AgesOverlap(ScopedPopulation p, AgeBand band) =>
        band.From() <= (p.AgeTo ?? int.MaxValue) && (band.To() ?? int.MaxValue) >= p.AgeFrom;

    /// <summary>2 when the area is the neighbourhood itself, 1 its district, 0 its municipality, -1 elsewhere.</summary>
    private static int Precision(string area, NeighbourhoodCode neighbourhood) =>
        area == neighbourhood.Value ? 2
        : area == neighbourhood.District ? 1
        : area == neighbourhood.Municipality ? 0
        : -1;
}
