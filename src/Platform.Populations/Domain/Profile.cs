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
