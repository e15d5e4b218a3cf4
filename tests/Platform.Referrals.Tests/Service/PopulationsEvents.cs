using Platform.IntegrationEvents.Populations;
using Platform.Testing;

namespace Platform.Referrals.Tests.Service;

/// <summary>
/// What the populations service would tell the referrals service, published on the fixture's bus: populations,
/// responsibilities and CBS figures. Each helper waits until the service has applied the event.
/// </summary>
internal static class PopulationsEvents
{
    public static readonly DateOnly ReferenceDate = new(2024, 1, 1);

    /// <summary>An active population with a provider responsible for it from 2024 on; its id.</summary>
    public static async Task<Guid> ResponsibleAsync(
        ReferralsFixture fixture, string municipality, string providerId, string[] areas, int ageFrom = 0, int? ageTo = null, string? name = null)
    {
        var id = Guid.NewGuid();
        var snapshot = new PopulationSnapshot(
            id, municipality, name ?? $"Population {id:N}", "active", areas, ageFrom, ageTo, ["Wmo"], [], null, new DateOnly(2024, 1, 1), null, 2);
        await fixture.PublishAsync(new PopulationDefined(municipality, snapshot));
        await fixture.PublishAsync(new PopulationResponsibilityAssigned(municipality, Guid.NewGuid(), id, providerId, new DateOnly(2024, 1, 1), null));
        await WaitForAsync(fixture, "SELECT count(*) FROM responsibilities r JOIN populations p ON p.id = r.population_id WHERE p.id = $1", id);
        return id;
    }

    /// <summary>CBS figures for neighbourhoods: inhabitants spread over the five age bands as given (or evenly).</summary>
    public static async Task FiguresAsync(ReferralsFixture fixture, string municipality, params (string Neighbourhood, double Inhabitants)[] neighbourhoods)
    {
        var published = new CharacteristicsPublished(municipality, ReferenceDate, Guid.NewGuid(),
            [.. neighbourhoods.Select(n => new AreaCharacteristics(n.Neighbourhood, new Dictionary<string, double?>
            {
                ["inhabitants"] = n.Inhabitants,
                ["age_0_14"] = n.Inhabitants * 0.2,
                ["age_15_24"] = n.Inhabitants * 0.1,
                ["age_25_44"] = n.Inhabitants * 0.3,
                ["age_45_64"] = n.Inhabitants * 0.25,
                ["age_65_plus"] = n.Inhabitants * 0.15,
            }))]);
        await fixture.PublishAsync(published);
        await WaitForAsync(fixture, "SELECT count(*) FROM neighbourhood_figures WHERE neighbourhood = $1", neighbourhoods[^1].Neighbourhood);
    }

    private static async Task WaitForAsync(ReferralsFixture fixture, string countSql, object parameter)
    {
        var applied = await Eventually.TrueAsync(async () => await fixture.AsOwnerAsync<long>(countSql, parameter) > 0);
        Assert.True(applied, "The referrals service did not apply the populations event in time.");
    }
}
