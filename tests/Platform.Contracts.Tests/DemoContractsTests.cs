using Platform.IntegrationEvents.Populations;
using Platform.Resources;
using Platform.Testing;

namespace Platform.Contracts.Tests;

/// <summary>A contracts service that seeds the demo, fed the demo region's populations as the populations service tells them.</summary>
public sealed class DemoContractsFixture() : PlatformServiceFixture(PlatformResources.Contracts, new() { ["Contracts__SeedDemo"] = "true" });

public sealed class DemoContractsTests(DemoContractsFixture fixture) : IClassFixture<DemoContractsFixture>
{
    [Fact]
    public async Task Each_demo_municipality_gets_one_lump_sum_contract_in_force_with_Tom_in_de_buurt_for_its_populations()
    {
        await using var bus = await TestBus.StartAsync(fixture.Broker);
        async Task<Guid> DefineAsync(string municipality, string name)
        {
            var id = Guid.NewGuid();
            await bus.PublishAsync(new PopulationDefined(municipality, new PopulationSnapshot(
                id, municipality, name, "active", [municipality], 18, null, ["Wmo"], [], null, new DateOnly(2024, 1, 1), new DateOnly(2027, 12, 31), 2)));
            return id;
        }

        var alphen = await DefineAsync("GM0484", "Alphen aan den Rijn, Wmo 18+ (Tom in de buurt)");
        var kaag = new[] { await DefineAsync("GM1884", "Sociaal team Kaag 18+"), await DefineAsync("GM1884", "Sociaal team Braassem 18+") };
        var nieuwkoop = new[] { await DefineAsync("GM0569", "Gebied Noord"), await DefineAsync("GM0569", "Gebied Zuid") };
        await DefineAsync("GM1884", "Jeugdteam Kaag 0-17");

        var seeded = await Eventually.TrueAsync(async () => await fixture.AsOwnerAsync<long>("SELECT count(*) FROM contracts WHERE status = 'active'") == 3);

        Assert.True(seeded, "The demo contracts were not seeded.");
        Assert.Equal(3, await fixture.AsOwnerAsync<long>(
            """
            SELECT count(DISTINCT municipality) FROM contracts
            WHERE contracting_provider_id = 'tom-in-de-buurt' AND legal_form = 'partnership' AND cardinality(provider_ids) = 9
              AND start_date = '2024-01-01' AND end_date = '2027-12-31' AND extension_options = 1 AND extension_months = 24
            """));
        Assert.Equal([alphen], await PopulationsOfAsync("GM0484"));
        Assert.Equal(kaag.Order(), (await PopulationsOfAsync("GM1884")).Order());
        Assert.Equal(nieuwkoop.Order(), (await PopulationsOfAsync("GM0569")).Order());
    }

    private async Task<Guid[]> PopulationsOfAsync(string municipality) =>
        (await fixture.AsOwnerAsync<Guid[]>("SELECT populations FROM contracts WHERE municipality = $1", municipality))!;
}
