using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Platform.Budgets.Tests.Service;

/// <summary>Scenarios computed from the characteristics the populations service published, stored as versions and compared.</summary>
public sealed class ScenarioTests(BudgetsFixture fixture) : IClassFixture<BudgetsFixture>
{
    private const string Alphen = "GM0484";

    [Fact]
    public async Task A_weighted_scenario_divides_the_pool_by_counts_weighted_by_their_base_computed_by_hand()
    {
        var (west, east) = await TwoPopulationsAsync(eastIsolation: 0.4);
        using var advisor = await fixture.ClientForAsync("advisor.alphen");

        var response = await advisor.PostAsJsonAsync("/api/budgets/scenarios", Weighted("By inhabitants and isolation", [west, east]));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var scenario = await response.Content.ReadFromJsonAsync<JsonElement>();
        // Inhabitants: west 1000 of 5000 = 0.2. Isolated (share × inhabitants): west 100, east 3000 × 0.2 + 1000 × 0.4 = 1000,
        // so west 100 of 1100. West = 100000 × (0.5 × 0.2 + 0.5 × 100/1100) = 14545.4545…, east 85454.5454…; the one cent
        // left after rounding down goes to the larger remainder (east).
        Assert.Equal(14545.45m, Amount(scenario, west));
        Assert.Equal(85454.55m, Amount(scenario, east));
        Assert.Equal(100000m, scenario.GetProperty("total").GetDecimal());
        Assert.Equal(1, scenario.GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task A_suppressed_characteristic_blocks_the_scenario_and_names_the_area()
    {
        var (west, east, eastAreas) = await TwoPopulationsWithAreasAsync(eastIsolation: null);
        using var advisor = await fixture.ClientForAsync("advisor.alphen");

        var response = await advisor.PostAsJsonAsync("/api/budgets/scenarios", Weighted("Blocked", [west, east]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        var message = Assert.Single(problem.GetProperty("errors").GetProperty("allocation").EnumerateArray()).GetString()!;
        Assert.Contains(eastAreas[1], message, StringComparison.Ordinal);
        Assert.Contains("social_isolation_share", message, StringComparison.Ordinal);
        Assert.Equal(0, await fixture.AsOwnerAsync<long>("SELECT count(*) FROM scenarios WHERE $1 = ANY(population_ids)", west));
    }

    [Fact]
    public async Task A_revision_is_a_new_version_and_the_earlier_one_stays_as_it_was()
    {
        var (west, east) = await TwoPopulationsAsync(eastIsolation: 0.4);
        using var advisor = await fixture.ClientForAsync("advisor.alphen");
        var created = await (await advisor.PostAsJsonAsync("/api/budgets/scenarios", Weighted("Revised", [west, east]))).Content.ReadFromJsonAsync<JsonElement>();
        var id = created.GetProperty("id").GetGuid();

        var revised = await advisor.PostAsJsonAsync($"/api/budgets/scenarios/{id}/versions", new
        {
            parameters = new { model = "fixed-sum", perPopulation = new Dictionary<Guid, decimal> { [west] = 30000m, [east] = 60000m } },
            reason = "Set by hand after the steering talk",
        });

        Assert.Equal(HttpStatusCode.OK, revised.StatusCode);
        var second = await revised.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(2, second.GetProperty("version").GetInt32());
        Assert.Equal(90000m, second.GetProperty("total").GetDecimal());
        var first = await advisor.GetFromJsonAsync<JsonElement>($"/api/budgets/scenarios/{id}?version=1");
        Assert.Equal("weighted-characteristics", first.GetProperty("model").GetString());
        Assert.Equal(14545.45m, Amount(first, west));
    }

    [Fact]
    public async Task Scenarios_side_by_side_show_the_difference_per_population_also_as_csv()
    {
        var (west, east) = await TwoPopulationsAsync(eastIsolation: 0.4);
        using var advisor = await fixture.ClientForAsync("advisor.alphen");
        var weighted = await IdOfAsync(await advisor.PostAsJsonAsync("/api/budgets/scenarios", Weighted("Weighted", [west, east])));
        var clients = await IdOfAsync(await advisor.PostAsJsonAsync("/api/budgets/scenarios", new
        {
            name = "Expected clients",
            referenceDate = "2024-01-01",
            populationIds = new[] { west, east },
            parameters = new { model = "expected-clients", pool = 100000m, perPopulation = new Dictionary<Guid, decimal> { [west] = 1, [east] = 3 } },
            reason = "Emmen's key",
        }));

        var comparison = await advisor.GetFromJsonAsync<JsonElement>($"/api/budgets/scenarios/comparison?ids={weighted}&ids={clients}");

        var westRow = comparison.GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("populationId").GetGuid() == west);
        Assert.Equal([14545.45m, 25000m], westRow.GetProperty("amounts").EnumerateArray().Select(a => a.GetDecimal()));
        Assert.Equal([0m, 10454.55m], westRow.GetProperty("differencesToFirst").EnumerateArray().Select(a => a.GetDecimal()));

        var csv = await advisor.GetStringAsync($"/api/budgets/scenarios/comparison?ids={weighted}&ids={clients}&format=csv");
        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("population_id;population;scenario_id;scenario;version;model;amount;difference_to_first", lines[0]);
        var westName = westRow.GetProperty("populationName").GetString();
        Assert.Contains($"{west};{westName};{clients};Expected clients;1;expected-clients;25000.00;10454.55", lines);
    }

    [Fact]
    public async Task Another_municipality_sees_no_scenario_an_auditor_reads_but_cannot_prepare_and_a_provider_cannot_read()
    {
        var (west, east) = await TwoPopulationsAsync(eastIsolation: 0.4);
        using var advisor = await fixture.ClientForAsync("advisor.alphen");
        var id = await IdOfAsync(await advisor.PostAsJsonAsync("/api/budgets/scenarios", Weighted("Tenant matrix", [west, east])));

        using var kaag = await fixture.ClientForAsync("advisor.kaag");
        Assert.Equal(HttpStatusCode.NotFound, (await kaag.GetAsync($"/api/budgets/scenarios/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await kaag.PostAsJsonAsync($"/api/budgets/scenarios/{id}/versions", new
        {
            parameters = new { model = "fixed-sum", perPopulation = new Dictionary<Guid, decimal> { [west] = 1m } },
            reason = "Not ours",
        })).StatusCode);
        // Kaag cannot build on Alphen's populations either: they are unknown in its municipality.
        Assert.Equal(HttpStatusCode.BadRequest, (await kaag.PostAsJsonAsync("/api/budgets/scenarios", Weighted("Theirs", [west, east]))).StatusCode);

        using var auditor = await fixture.ClientForAsync("auditor.alphen");
        Assert.Equal(HttpStatusCode.OK, (await auditor.GetAsync($"/api/budgets/scenarios/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await auditor.PostAsJsonAsync("/api/budgets/scenarios", Weighted("Audit", [west, east]))).StatusCode);

        using var provider = fixture.Client(await fixture.ProviderTokenAsync("provider-tom-in-de-buurt"));
        Assert.Equal(HttpStatusCode.Forbidden, (await provider.GetAsync($"/api/budgets/scenarios/{id}")).StatusCode);
        using var anonymous = fixture.Client(null);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/budgets/scenarios")).StatusCode);
    }

    private static object Weighted(string name, Guid[] populations) => new
    {
        name,
        referenceDate = "2024-01-01",
        populationIds = populations,
        parameters = new
        {
            model = "weighted-characteristics",
            pool = 100000m,
            weights = new Dictionary<string, decimal> { ["inhabitants"] = 1m, ["social_isolation_share"] = 1m },
        },
        reason = "Utrecht's key: inhabitants and social isolation, equally weighted",
    };

    private async Task<(Guid West, Guid East)> TwoPopulationsAsync(double? eastIsolation)
    {
        var (west, east, _) = await TwoPopulationsWithAreasAsync(eastIsolation);
        return (west, east);
    }

    /// <summary>West: one neighbourhood of 1000 (10 % isolated). East: 3000 (20 %) and 1000 (the given share).</summary>
    private async Task<(Guid West, Guid East, string[] EastAreas)> TwoPopulationsWithAreasAsync(double? eastIsolation)
    {
        var westArea = PublishedFacts.Neighbourhood(Alphen);
        string[] eastAreas = [PublishedFacts.Neighbourhood(Alphen), PublishedFacts.Neighbourhood(Alphen)];
        await PublishedFacts.CharacteristicsAsync(fixture, Alphen,
            (westArea, Figures(1000, 0.1)), (eastAreas[0], Figures(3000, 0.2)), (eastAreas[1], Figures(1000, eastIsolation)));
        var west = await PublishedFacts.PopulationAsync(fixture, Alphen, $"West {Guid.NewGuid():N}", westArea);
        var east = await PublishedFacts.PopulationAsync(fixture, Alphen, $"East {Guid.NewGuid():N}", eastAreas);
        return (west, east, eastAreas);
    }

    private static Dictionary<string, double?> Figures(double inhabitants, double? isolation) =>
        new() { ["inhabitants"] = inhabitants, ["social_isolation_share"] = isolation };

    private static decimal Amount(JsonElement scenario, Guid population) =>
        scenario.GetProperty("lines").EnumerateArray().Single(l => l.GetProperty("populationId").GetGuid() == population).GetProperty("amount").GetDecimal();

    private static async Task<Guid> IdOfAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }
}
