namespace Platform.Referrals.Benchmarks;

/// <summary>
/// What the service normally learns from the populations service's events, written straight into its read-model
/// tables as the owner: populations of a municipality and the providers responsible for them.
/// </summary>
internal static class ReadModel
{
    public static readonly DateOnly ValidFrom = new(2020, 1, 1);

    /// <summary>An active population of <paramref name="areas"/> and ages, valid from 2020 on, with no end.</summary>
    public static Task AddPopulationAsync(
        BenchDatabase database, Guid id, string municipality, string name, string[] areas, int ageFrom = 0, int? ageTo = null) =>
        database.OwnerExecuteAsync(
            """
            INSERT INTO populations (id, municipality, name, status, areas, age_from, age_to, valid_from, valid_to, version)
            VALUES ($1, $2, $3, 'active', $4, $5, $6, $7, NULL, 1)
            """,
            id, municipality, name, areas, ageFrom, ageTo, ValidFrom);

    /// <summary>The provider answers for the population from 2020 on, with no end.</summary>
    public static Task AddResponsibilityAsync(BenchDatabase database, Guid populationId, string municipality, string providerId) =>
        database.OwnerExecuteAsync(
            """
            INSERT INTO responsibilities (id, population_id, municipality, provider_id, valid_from, valid_to)
            VALUES ($1, $2, $3, $4, $5, NULL)
            """,
            Guid.CreateVersion7(), populationId, municipality, providerId, ValidFrom);

    /// <summary>The 500 synthetic neighbourhoods as CBS areas of the municipality (figures unknown): intake refuses any other.</summary>
    public static Task AddNeighbourhoodsAsync(BenchDatabase database, string municipality) =>
        database.OwnerExecuteAsync(
            """
            INSERT INTO neighbourhood_figures (neighbourhood, reference_date, municipality)
            SELECT unnest($1::text[]), $2, $3
            """,
            Enumerable.Range(0, 500).Select(SyntheticReferrals.Neighbourhood).ToArray(), ValidFrom, municipality);
}
