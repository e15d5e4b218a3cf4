using Platform.Persistence.Sessions;
using Platform.Populations.Data;
using Platform.Populations.Domain.Characteristics;

namespace Platform.Populations.Domain;

/// <summary>
/// The size and characteristics of a set of areas, or of a population, as of a date: counts summed over
/// the neighbourhoods, shares and scores weighted by their base, unknown where any neighbourhood's value is.
/// </summary>
/// <param name="ReferenceDate">The newest reference date among the figures used; null when there were none.</param>
/// <param name="Inhabitants">Residents within the areas and ages; null when unknown.</param>
/// <param name="AgeEstimated">Whether the ages cut through CBS's age bands, so the count pro-rates them.</param>
/// <param name="Characteristics">Every characteristic of the catalogue by key, aggregated; null when unknown.</param>
/// <param name="Neighbourhoods">How many neighbourhoods the figures add up.</param>
/// <param name="NeighbourhoodsWithoutFigures">Of those, how many had no figures as of the date (which makes sums unknown).</param>
public sealed record Profile(
    DateOnly? ReferenceDate,
    double? Inhabitants,
    bool AgeEstimated,
    IReadOnlyDictionary<string, double?> Characteristics,
    int Neighbourhoods,
    int NeighbourhoodsWithoutFigures);

internal static class PopulationProfiles
{
    public static async Task<Profile> ForAreasAsync(DbSession session, IEnumerable<string> areas, AgeRange ages, DateOnly asOf, CancellationToken ct)
    {
        var neighbourhoods = await FiguresStore.NeighbourhoodsOfAsync(session, areas, ct);
        var all = neighbourhoods.Values.SelectMany(n => n).Distinct(StringComparer.Ordinal).ToList();
        var figures = await FiguresStore.AsOfAsync(session, all, asOf, ct);
        return Build(all, figures, ages);
    }

    public static async Task<Dictionary<Guid, Profile>> ForAsync(DbSession session, IEnumerable<PopulationDefinition> populations, DateOnly asOf, CancellationToken ct)
    {
        var list = populations.ToList();
        var neighbourhoods = await FiguresStore.NeighbourhoodsOfAsync(session, list.SelectMany(p => p.Areas.Select(a => a.Value)), ct);
        var figures = await FiguresStore.AsOfAsync(session, neighbourhoods.Values.SelectMany(n => n), asOf, ct);
        return list.ToDictionary(
            p => p.Id,
            p => Build(
                [.. p.Areas.SelectMany(a => neighbourhoods.GetValueOrDefault(a.Value) ?? [a.Value]).Distinct(StringComparer.Ordinal)],
                figures,
                p.TargetGroup.Ages));
    }

    private static Profile Build(List<string> neighbourhoods, Dictionary<string, AreaFigures> figures, AgeRange ages)
    {
        var found = neighbourhoods.Select(n => figures.GetValueOrDefault(n)).ToList();
        var aggregate = CharacteristicAggregator.Aggregate(found.Select(f => f?.Values ?? CharacteristicValues.Unknown));
        var estimate = ages == AgeRange.Everyone
            ? new EstimatedInhabitants(aggregate[Characteristic.Inhabitants], false)
            : AgeBandEstimate.Inhabitants(aggregate, ages);
        var referenceDate = found.Where(f => f is not null).Select(f => (DateOnly?)f!.ReferenceDate).DefaultIfEmpty(null).Max();
        return new Profile(
            referenceDate,
            estimate.Count,
            estimate.IsProRated,
            CharacteristicsJson.ToDictionary(aggregate),
            neighbourhoods.Count,
            found.Count(f => f is null));
    }
}
