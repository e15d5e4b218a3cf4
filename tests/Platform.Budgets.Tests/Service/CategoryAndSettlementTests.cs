using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.IntegrationEvents.Contracts;
using Platform.IntegrationEvents.Outcomes;

namespace Platform.Budgets.Tests.Service;

/// <summary>Category lump sums with shifts that wait for approval, and the year-end settlement with bonus and malus.</summary>
public sealed class CategoryAndSettlementTests(BudgetsFixture fixture) : IClassFixture<BudgetsFixture>
{
    private const string Alphen = "GM0484";

    [Fact]
    public async Task A_shift_changes_nothing_until_another_person_approves_it_and_no_category_goes_below_zero()
    {
        var id = await AdoptedBudgetAsync("partnership", []);
        using var advisor = await fixture.ClientForAsync("advisor.alphen");
        using var controller = await fixture.ClientForAsync("controller.alphen");
        var five = new Dictionary<string, decimal> { ["a"] = 200000m, ["b"] = 200000m, ["c"] = 200000m, ["d"] = 200000m, ["e"] = 200000m };
        Assert.Equal(HttpStatusCode.BadRequest, (await advisor.PutAsJsonAsync($"/api/budgets/budgets/{id}/categories", new { categories = five })).StatusCode);
        var four = new Dictionary<string, decimal> { ["ambulant"] = 400000m, ["dagbesteding"] = 300000m, ["verblijf"] = 200000m, ["vervoer"] = 100000m };
        Assert.Equal(HttpStatusCode.OK, (await advisor.PutAsJsonAsync($"/api/budgets/budgets/{id}/categories", new { categories = four })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await advisor.PutAsJsonAsync($"/api/budgets/budgets/{id}/categories", new { categories = four })).StatusCode);

        var requested = await advisor.PostAsJsonAsync($"/api/budgets/budgets/{id}/shifts",
            new { from = "verblijf", to = "ambulant", amount = 150000m, reason = "More ambulant support, less residential" });
        Assert.Equal(HttpStatusCode.OK, requested.StatusCode);
        var view = await requested.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(200000m, view.GetProperty("categories").GetProperty("verblijf").GetDecimal());
        var shift = view.GetProperty("shifts")[0].GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.BadRequest, (await advisor.PostAsJsonAsync($"/api/budgets/budgets/{id}/shifts",
            new { from = "vervoer", to = "ambulant", amount = 100000.01m, reason = "Too much" })).StatusCode);

        var own = await advisor.PostAsync($"/api/budgets/budgets/{id}/shifts/{shift}/approval", null);
        Assert.Equal(HttpStatusCode.Conflict, own.StatusCode);
        var approved = await controller.PostAsync($"/api/budgets/budgets/{id}/shifts/{shift}/approval", null);
        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        var after = await approved.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(50000m, after.GetProperty("categories").GetProperty("verblijf").GetDecimal());
        Assert.Equal(550000m, after.GetProperty("categories").GetProperty("ambulant").GetDecimal());
        Assert.Equal(1000000m, after.GetProperty("total").GetDecimal());
        Assert.Equal("approved", after.GetProperty("shifts")[0].GetProperty("status").GetString());

        using var auditor = await fixture.ClientForAsync("auditor.alphen");
        Assert.Equal(HttpStatusCode.OK, (await auditor.GetAsync($"/api/budgets/budgets/{id}/categories")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await auditor.PostAsJsonAsync($"/api/budgets/budgets/{id}/shifts",
            new { from = "vervoer", to = "ambulant", amount = 1m, reason = "x" })).StatusCode);
        using var kaag = await fixture.ClientForAsync("advisor.kaag");
        Assert.Equal(HttpStatusCode.NotFound, (await kaag.GetAsync($"/api/budgets/budgets/{id}/categories")).StatusCode);
    }

    [Theory]
    [InlineData("subsidy", 5000)]
    [InlineData("partnership", 2000)]
    public async Task Settlement_pays_the_bonus_at_an_inclusive_norm_and_the_malus_only_where_the_legal_form_allows(string legalForm, int balance)
    {
        var satisfaction = new ResultAgreementSnapshot(Guid.NewGuid(), "client-satisfaction", 1, "at-least", 0.7m, "year", "bonus-malus", 5000m);
        var reach = new ResultAgreementSnapshot(Guid.NewGuid(), "reach", 1, "more-than", 0.8m, "year", "malus", 3000m);
        var id = await AdoptedBudgetAsync(legalForm, [satisfaction, reach]);
        var contract = await fixture.AsOwnerAsync<Guid>("SELECT contract_id FROM budgets WHERE id = $1", id);
        // On the norm: met for "at least", missed for "more than".
        await EvaluatedAsync(contract, satisfaction, 0.7m, "met");
        await EvaluatedAsync(contract, reach, 0.8m, "not-met");
        using var controller = await fixture.ClientForAsync("controller.alphen");

        var closed = await controller.PostAsync($"/api/budgets/budgets/{id}/settlement", null);

        Assert.Equal(HttpStatusCode.OK, closed.StatusCode);
        var settlement = await closed.Content.ReadFromJsonAsync<JsonElement>();
        var lines = settlement.GetProperty("lines").EnumerateArray().ToArray();
        Assert.Equal(5000m, lines.Single(l => l.GetProperty("kind").GetString() == "bonus").GetProperty("amount").GetDecimal());
        var malus = lines.Single(l => l.GetProperty("kind").GetString() == "malus");
        Assert.Equal(legalForm == "subsidy" ? 0m : -3000m, malus.GetProperty("amount").GetDecimal());
        if (legalForm == "subsidy")
        {
            Assert.Contains("subsidy cannot enforce a malus", malus.GetProperty("reason").GetString(), StringComparison.Ordinal);
        }

        Assert.Equal(0m, lines.Single(l => l.GetProperty("kind").GetString() == "holdback").GetProperty("amount").GetDecimal());
        Assert.Equal(balance, settlement.GetProperty("balance").GetDecimal());
        Assert.Equal(lines.Sum(l => l.GetProperty("amount").GetDecimal()), settlement.GetProperty("balance").GetDecimal());
        Assert.True(settlement.GetProperty("closed").GetBoolean());
        Assert.Equal(HttpStatusCode.Conflict, (await controller.PostAsync($"/api/budgets/budgets/{id}/settlement", null)).StatusCode);
        using var advisor = await fixture.ClientForAsync("auditor.alphen");
        Assert.Equal(balance, (await advisor.GetFromJsonAsync<JsonElement>($"/api/budgets/budgets/{id}/settlement")).GetProperty("balance").GetDecimal());
    }

    private async Task EvaluatedAsync(Guid contract, ResultAgreementSnapshot agreement, decimal value, string outcome)
    {
        await fixture.PublishAsync(new ResultAgreementEvaluated(
            Alphen, contract, agreement.AgreementId, agreement.IndicatorCode, 1, new DateOnly(2025, 1, 1), new DateOnly(2025, 12, 31),
            value, agreement.Norm, outcome, 1));
        await fixture.WaitForAsync("SELECT count(*) FROM result_evaluations WHERE agreement_id = $1", agreement.AgreementId);
    }

    /// <summary>A contract of one population, and its 2025 budget of 1,000,000 (5 % held back) proposed by the advisor and adopted by the controller.</summary>
    private async Task<Guid> AdoptedBudgetAsync(string legalForm, ResultAgreementSnapshot[] agreements)
    {
        var population = await PublishedFacts.PopulationAsync(fixture, Alphen, $"Whole town {Guid.NewGuid():N}", PublishedFacts.Neighbourhood(Alphen));
        var contract = await PublishedFacts.ContractAsync(fixture, Alphen, legalForm, "tom-in-de-buurt", [population], agreements);
        using var advisor = await fixture.ClientForAsync("advisor.alphen");
        using var controller = await fixture.ClientForAsync("controller.alphen");
        var scenario = await advisor.PostAsJsonAsync("/api/budgets/scenarios", new
        {
            name = "Fixed",
            referenceDate = "2024-01-01",
            populationIds = new[] { population },
            parameters = new { model = "fixed-sum", perPopulation = new Dictionary<Guid, decimal> { [population] = 1000000m } },
            reason = "Set by the council",
        });
        var scenarioId = (await scenario.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var budget = await advisor.PostAsJsonAsync("/api/budgets/budgets", new
        {
            contractId = contract, year = 2025, scenarioId, holdbackShare = 0.05m, indexation = new { method = "none" }, reason = "Budget 2025",
        });
        var id = (await budget.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.OK, (await controller.PostAsJsonAsync($"/api/budgets/budgets/{id}/versions/1/adoption", new { reason = "Adopted" })).StatusCode);
        return id;
    }
}
