using Platform.Persistence.Sessions;
using Platform.Populations.Data;
using Platform.Populations.Domain;
using Platform.Populations.Domain.Characteristics;

namespace Platform.Populations.Profiles;

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
