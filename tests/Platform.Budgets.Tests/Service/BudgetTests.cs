using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;
using Platform.Persistence;
using Platform.Persistence.Sessions;
using Platform.Security;
using Platform.Testing;

namespace Platform.Budgets.Tests.Service;

/// <summary>Budgets per contract and year from a scenario: indexation, four-eyes adoption with its event, schedule and history.</summary>
public sealed class BudgetTests(BudgetsFixture fixture) : IClassFixture<BudgetsFixture>
{
    private const string Alphen = "GM0484";

    // VNG's 2025 figures (funding-rules §1.5): OVA forecast 4.18 % with a 1.01 % correction, PCC 1.82 % with 0.5756 %, weights 90/10.
    private static readonly object[][] Vng2025 =
    [[
        new { name = "ova", weight = 0.9m, forecast = 0.0418m, correction = 0.0101m },
        new { name = "pcc", weight = 0.1m, forecast = 0.0182m, correction = 0.005756m },
    ]];

    [Fact]
    public async Task A_budget_is_the_scenario_for_the_contracts_populations_indexed_compounded_and_split_back_exactly()
    {
        var (contract, scenario, north, south) = await ContractWithScenarioAsync();
        using var advisor = await fixture.ClientForAsync("advisor.alphen");

        var response = await advisor.PostAsJsonAsync("/api/budgets/budgets", Proposal(contract, scenario, new { method = "compounded", years = Vng2025 }));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var version = LatestVersion(await response.Content.ReadFromJsonAsync<JsonElement>());
        // 0.9 × (1.0418 × 1.0101 − 1) + 0.1 × (1.0182 × 1.005756 − 1) = 4.949603792 %; 1,000,000 × 1.04949603792 = 1,049,496.04.
        Assert.Equal(1000000m, version.GetProperty("baseAmount").GetDecimal());
        Assert.Equal(1049496.04m, version.GetProperty("amount").GetDecimal());
        Assert.Equal(52474.80m, version.GetProperty("holdbackAmount").GetDecimal());
        // Split 60/40 by the base: 629,697.624 and 419,798.416; the cent left goes to the larger remainder.
        Assert.Equal(629697.62m, version.GetProperty("perPopulation").GetProperty(north.ToString()).GetDecimal());
        Assert.Equal(419798.42m, version.GetProperty("perPopulation").GetProperty(south.ToString()).GetDecimal());
        Assert.Equal("proposed", version.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Four_eyes_the_proposer_cannot_adopt_another_person_does_and_BudgetAdopted_is_published_once()
    {
        var (contract, scenario, _, _) = await ContractWithScenarioAsync();
        using var advisor = await fixture.ClientForAsync("advisor.alphen");
        using var controller = await fixture.ClientForAsync("controller.alphen");
        var budget = await (await advisor.PostAsJsonAsync("/api/budgets/budgets", Proposal(contract, scenario, new { method = "none" })))
            .Content.ReadFromJsonAsync<JsonElement>();
        var id = budget.GetProperty("id").GetGuid();

        var own = await advisor.PostAsJsonAsync($"/api/budgets/budgets/{id}/versions/1/adoption", new { reason = "Looks right to me" });
        Assert.Equal(HttpStatusCode.Conflict, own.StatusCode);
        Assert.Contains("Four eyes", await own.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("proposed", LatestVersion(await advisor.GetFromJsonAsync<JsonElement>($"/api/budgets/budgets/{id}")).GetProperty("status").GetString());

        var adopted = await controller.PostAsJsonAsync($"/api/budgets/budgets/{id}/versions/1/adoption", new { reason = "Checked against the council decision" });
        Assert.Equal(HttpStatusCode.OK, adopted.StatusCode);
        Assert.Equal("adopted", LatestVersion(await adopted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.Conflict,
            (await controller.PostAsJsonAsync($"/api/budgets/budgets/{id}/versions/1/adoption", new { reason = "Again" })).StatusCode);

        Assert.True(await Eventually.TrueAsync(() => Task.FromResult(fixture.Adopted.Any(e => e.BudgetId == id))), "BudgetAdopted was not published.");
        await Task.Delay(TimeSpan.FromSeconds(1));
        var published = Assert.Single(fixture.Adopted, e => e.BudgetId == id);
        Assert.Equal((Alphen, contract, 2025, 1000000m, 50000m, 1), (published.Municipality, published.ContractId, published.Year, published.Amount, published.HoldbackAmount, published.Version));
        Assert.Equal(1000000m, published.PerPopulation.Values.Sum());
    }

    [Fact]
    public async Task The_schedule_pays_twelve_instalments_to_the_contracting_party_summing_exactly_to_the_year()
    {
        var (contract, scenario, _, _) = await ContractWithScenarioAsync();
        using var advisor = await fixture.ClientForAsync("advisor.alphen");
        using var controller = await fixture.ClientForAsync("controller.alphen");
        var id = (await (await advisor.PostAsJsonAsync("/api/budgets/budgets", Proposal(contract, scenario, new { method = "compounded", years = Vng2025 })))
            .Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.Conflict, (await advisor.GetAsync($"/api/budgets/budgets/{id}/schedule")).StatusCode);
        await controller.PostAsJsonAsync($"/api/budgets/budgets/{id}/versions/1/adoption", new { reason = "Adopted" });

        var schedule = await advisor.GetFromJsonAsync<JsonElement>($"/api/budgets/budgets/{id}/schedule");

        Assert.Equal("tom-in-de-buurt", schedule.GetProperty("payee").GetString());
        var instalments = schedule.GetProperty("instalments").EnumerateArray().ToArray();
        Assert.Equal(12, instalments.Length);
        // Paid part 997,021.24: 11 × 83,085.10 and the remainder 83,085.14 last; holdback 52,474.80 = 12 × 4,372.90.
        Assert.Equal(83085.10m, instalments[0].GetProperty("paid").GetDecimal());
        Assert.Equal(83085.14m, instalments[11].GetProperty("paid").GetDecimal());
        Assert.Equal(1049496.04m, instalments.Sum(i => i.GetProperty("paid").GetDecimal() + i.GetProperty("heldBack").GetDecimal()));
        var csv = (await advisor.GetStringAsync($"/api/budgets/budgets/{id}/schedule?format=csv")).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(13, csv.Length);
        Assert.Equal($"{id};1;{contract};tom-in-de-buurt;12;2025-12-01;83085.14;4372.90;0.00", csv[12]);
    }

    [Fact]
    public async Task Another_municipality_cannot_see_or_adopt_an_auditor_cannot_propose_and_a_provider_cannot_read()
    {
        var (contract, scenario, _, _) = await ContractWithScenarioAsync();
        using var advisor = await fixture.ClientForAsync("advisor.alphen");
        var id = (await (await advisor.PostAsJsonAsync("/api/budgets/budgets", Proposal(contract, scenario, new { method = "none" })))
            .Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        using var kaag = await fixture.ClientForAsync("controller.kaag");
        Assert.Equal(HttpStatusCode.NotFound, (await kaag.GetAsync($"/api/budgets/budgets/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await kaag.PostAsJsonAsync($"/api/budgets/budgets/{id}/versions/1/adoption", new { reason = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await kaag.PostAsJsonAsync("/api/budgets/budgets", Proposal(contract, scenario, new { method = "none" }))).StatusCode);

        using var auditor = await fixture.ClientForAsync("auditor.alphen");
        Assert.Equal(HttpStatusCode.OK, (await auditor.GetAsync($"/api/budgets/budgets/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await auditor.PostAsJsonAsync("/api/budgets/budgets", Proposal(contract, scenario, new { method = "none" }))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await auditor.PostAsJsonAsync($"/api/budgets/budgets/{id}/versions/1/adoption", new { reason = "x" })).StatusCode);
        using var contractManager = await fixture.ClientForAsync("contracts.alphen");
        Assert.Equal(HttpStatusCode.Forbidden, (await contractManager.PostAsJsonAsync($"/api/budgets/budgets/{id}/versions/1/adoption", new { reason = "x" })).StatusCode);

        using var provider = fixture.Client(await fixture.ProviderTokenAsync("provider-tom-in-de-buurt"));
        Assert.Equal(HttpStatusCode.Forbidden, (await provider.GetAsync($"/api/budgets/budgets/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await provider.GetAsync($"/api/budgets/budgets/{id}/schedule")).StatusCode);
    }

    [Fact]
    public async Task History_records_proposal_and_adoption_with_who_and_the_application_role_cannot_delete_or_write_it()
    {
        var (contract, scenario, _, _) = await ContractWithScenarioAsync();
        using var advisor = await fixture.ClientForAsync("advisor.alphen");
        using var controller = await fixture.ClientForAsync("controller.alphen");
        var id = (await (await advisor.PostAsJsonAsync("/api/budgets/budgets", Proposal(contract, scenario, new { method = "none" })))
            .Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        await controller.PostAsJsonAsync($"/api/budgets/budgets/{id}/versions/1/adoption", new { reason = "Adopted" });

        var history = (await advisor.GetFromJsonAsync<JsonElement>($"/api/budgets/budgets/{id}/history")).EnumerateArray().ToArray();

        Assert.Equal(["budget", "budget-version", "budget-version"], history.Select(h => h.GetProperty("entity").GetString()));
        Assert.Equal(["insert", "insert", "update"], history.Select(h => h.GetProperty("operation").GetString()));
        Assert.NotEqual(history[1].GetProperty("changedBy").GetString(), history[2].GetProperty("changedBy").GetString());
        Assert.Contains("status", history[2].GetProperty("changedFields").EnumerateArray().Select(f => f.GetString()));

        var settings = new DatabaseSettings("budgetsdb", fixture.DatabaseConnectionString);
        await using var dataSource = NpgsqlDataSource.Create(settings.AppConnectionString);
        var database = new Database(dataSource, settings);
        var caller = new CallerContext(Alphen, "someone", ["controller"]);
        foreach (var sql in new[]
        {
            "DELETE FROM change_history",
            "UPDATE change_history SET changed_by = 'nobody'",
            "INSERT INTO change_history (entity, entity_id, municipality, operation, changed_fields, after, changed_by) VALUES ('budget', gen_random_uuid(), 'GM0484', 'insert', '{}', '{}', 'x')",
            "DELETE FROM budget_versions",
            "DELETE FROM scenario_versions",
            "UPDATE scenario_versions SET pool = 1",
        })
        {
            var refused = await Assert.ThrowsAsync<PostgresException>(() => database.InTransactionAsync(caller, s => s.ExecuteAsync(sql, default)));
            Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, refused.SqlState);
        }

        Assert.Equal(3, await fixture.AsOwnerAsync<long>("SELECT count(*) FROM change_history WHERE entity_id = $1", id));
    }

    private static object Proposal(Guid contract, Guid scenario, object indexation) => new
    {
        contractId = contract,
        year = 2025,
        scenarioId = scenario,
        holdbackShare = 0.05m,
        indexation,
        reason = "Budget 2025 from the adopted allocation",
    };

    private static JsonElement LatestVersion(JsonElement budget) => budget.GetProperty("versions")[0];

    /// <summary>A contract of Tom in de buurt for two populations, and a fixed-sum scenario giving them 600,000 and 400,000.</summary>
    private async Task<(Guid Contract, Guid Scenario, Guid North, Guid South)> ContractWithScenarioAsync()
    {
        var north = await PublishedFacts.PopulationAsync(fixture, Alphen, $"North {Guid.NewGuid():N}", PublishedFacts.Neighbourhood(Alphen));
        var south = await PublishedFacts.PopulationAsync(fixture, Alphen, $"South {Guid.NewGuid():N}", PublishedFacts.Neighbourhood(Alphen));
        var contract = await PublishedFacts.ContractAsync(fixture, Alphen, "partnership", "tom-in-de-buurt", north, south);
        using var advisor = await fixture.ClientForAsync("advisor.alphen");
        var response = await advisor.PostAsJsonAsync("/api/budgets/scenarios", new
        {
            name = "Set by hand",
            referenceDate = "2024-01-01",
            populationIds = new[] { north, south },
            parameters = new { model = "fixed-sum", perPopulation = new Dictionary<Guid, decimal> { [north] = 600000m, [south] = 400000m } },
            reason = "The council's decision",
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (contract, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid(), north, south);
    }
}
