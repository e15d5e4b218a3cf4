using Platform.Referrals.Domain.Monitoring;

namespace Platform.Referrals.Tests.Monitoring;

public class DenominatorsTests
{
    private static readonly Guid Adults = Guid.NewGuid();
    private static readonly Guid Youth = Guid.NewGuid();
    private static readonly ReportingPeriod March2025 = ReportingPeriod.Of(new DateOnly(2025, 3, 1), PeriodKind.Month);

    // Bands 0-14, 15-24, 25-44, 45-64, 65+ of two neighbourhoods of one district, figures of 2024 and 2025.
    private static readonly Denominators Figures = new(
        [
            new NeighbourhoodFigures("BU04840101", new DateOnly(2024, 1, 1), 1000, 150, 100, 300, 250, 200),
            new NeighbourhoodFigures("BU04840102", new DateOnly(2024, 1, 1), 2000, 300, 200, 600, 500, 400),
            new NeighbourhoodFigures("BU04840101", new DateOnly(2025, 6, 1), 1100, 150, 100, 350, 300, 200),
            new NeighbourhoodFigures("BU04840201", new DateOnly(2024, 1, 1), null, null, null, null, null, null),
        ],
        [new PopulationExtent(Adults, "18+", ["WK048401"], 18, null), new PopulationExtent(Youth, "0-17", ["BU04840101"], 0, 17)],
        [new ResponsibilityPeriod("tom", Adults, new DateOnly(2025, 1, 1), null), new ResponsibilityPeriod("tom", Youth, new DateOnly(2025, 4, 1), null)]);

    [Fact]
    public void An_area_counts_its_neighbourhoods_as_of_the_period()
    {
        Assert.Equal(3000, Figures.InhabitantsOfArea("WK048401", March2025));
        Assert.Equal(3100, Figures.InhabitantsOfArea("WK048401", ReportingPeriod.Of(new DateOnly(2025, 6, 1), PeriodKind.Month)));
        Assert.Null(Figures.InhabitantsOfArea("WK048401", ReportingPeriod.Of(new DateOnly(2023, 12, 1), PeriodKind.Month)));
    }

    [Fact]
    public void A_suppressed_neighbourhood_makes_its_area_unknown() => Assert.Null(Figures.InhabitantsOfArea("GM0484", March2025));

    [Fact]
    public void A_population_pro_rates_the_age_bands_it_cuts()
    {
        // 18+: seven of the ten years of 15-24 (70 + 140) and every older band (750 + 1500).
        Assert.Equal(210 + 750 + 1500, Figures.InhabitantsOfPopulation(Adults, March2025));

        // 0-17: all of 0-14 and three of ten years of 15-24.
        Assert.Equal(150 + 30, Figures.InhabitantsOfPopulation(Youth, March2025));
    }

    [Fact]
    public void A_provider_counts_the_populations_it_answered_for_in_the_period()
    {
        Assert.Equal(2460, Figures.InhabitantsOfProvider("tom", March2025));
        Assert.Equal(2460 + 180, Figures.InhabitantsOfProvider("tom", ReportingPeriod.Of(new DateOnly(2025, 4, 1), PeriodKind.Month)));
        Assert.Null(Figures.InhabitantsOfProvider("nobody", March2025));
    }
}
