using System.Net;
using Platform.IntegrationEvents.Populations;
using Platform.Testing;

namespace Platform.Contracts.Tests;

/// <summary>A regional coordinator sees the region's contracts counted per municipality, never a contract.</summary>
[Collection(SharedContractsService.Name)]
public sealed class RegionTests(ContractsFixture fixture)
{
    private readonly Scenario _scenario = new(fixture);

    [Fact]
    public async Task A_coordinator_gets_counts_per_municipality_of_the_region_only_and_no_contract()
    {
        await fixture.PublishAsync(new RegionDefined("holland-rijnland", "Holland Rijnland", ["GM0484", "GM1884"]));
        Assert.True(await Eventually.TrueAsync(async () =>
            await fixture.AsOwnerAsync<long>("SELECT count(*) FROM region_municipalities WHERE region = 'holland-rijnland'") == 2));
        var id = await _scenario.ActiveAsync(Scenario.Terms([await _scenario.PopulationAsync()]));
        await _scenario.DraftAsync(Scenario.Terms([]) with { Parties = [new("nieuwkoop-samen", "Nieuwkoop Samen", "contracting-party")] }, "contracts.nieuwkoop");

        var (status, counts) = await _scenario.SendAsync(HttpMethod.Get, "/api/contracts/region/contracts", user: "coordinator.rijnland");
        var list = await _scenario.SendAsync(HttpMethod.Get, "/api/contracts/contracts", user: "coordinator.rijnland");
        var one = await _scenario.SendAsync(HttpMethod.Get, $"/api/contracts/contracts/{id}", user: "coordinator.rijnland");
        var advisor = await _scenario.SendAsync(HttpMethod.Get, "/api/contracts/region/contracts", user: "advisor.alphen");

        Assert.Equal(HttpStatusCode.OK, status);
        var rows = counts.EnumerateArray().ToList();
        Assert.Contains(rows, r => r.GetProperty("municipality").GetString() == "GM0484" && r.GetProperty("status").GetString() == "active"
            && r.GetProperty("contracts").GetInt64() >= 1);
        Assert.DoesNotContain(rows, r => r.GetProperty("municipality").GetString() == "GM0569");
        Assert.All(rows, r => Assert.False(r.TryGetProperty("id", out _)));
        Assert.Equal(HttpStatusCode.Forbidden, list.Status);
        Assert.Equal(HttpStatusCode.Forbidden, one.Status);
        Assert.Equal(HttpStatusCode.Forbidden, advisor.Status);
    }
}
