using System.Net.Http.Json;
using System.Text.Json;
using Platform.Testing;

namespace Platform.Budgets.Tests.Service;

/// <summary>A budgets service that seeds the demo budgets, as the local run does.</summary>
public sealed class DemoBudgetsFixture() : BudgetsServiceFixture(seedDemo: true);

public sealed class DemoBudgetsTests(DemoBudgetsFixture fixture) : IClassFixture<DemoBudgetsFixture>
{
    private const string Alphen = "GM0484";

    [Fact]
    public async Task A_demo_contract_of_Tom_in_de_buurt_gets_a_budget_from_the_characteristics_proposed_and_adopted_by_two_people()
    {
        string[] areas = [PublishedFacts.Neighbourhood(Alphen), PublishedFacts.Neighbourhood(Alphen)];
        await PublishedFacts.CharacteristicsAsync(fixture, Alphen,
            (areas[0], new() { ["inhabitants"] = 3000, ["social_assistance_recipients"] = 120, ["social_isolation_share"] = 0.1 }),
            (areas[1], new() { ["inhabitants"] = 1000, ["social_assistance_recipients"] = null, ["social_isolation_share"] = 0.2 }));
        var west = await PublishedFacts.PopulationAsync(fixture, Alphen, "Demo west", areas[0]);
        var east = await PublishedFacts.PopulationAsync(fixture, Alphen, "Demo east", areas[1]);
        var contract = await PublishedFacts.ContractAsync(fixture, Alphen, "partnership", "tom-in-de-buurt", west, east);

        Assert.True(await Eventually.TrueAsync(() => Task.FromResult(fixture.Adopted.Any(e => e.ContractId == contract))), "No demo budget was adopted.");

        var adopted = fixture.Adopted.Single(e => e.ContractId == contract);
        // €7 million (Alphen's ceiling) indexed by VNG 2025 compounded: 7,000,000 × 1.04949603792 = 7,346,472.27. Social assistance
        // is suppressed in the east, so inhabitants alone divide it: 3 to 1.
        Assert.Equal(7346472.27m, adopted.Amount);
        Assert.Equal(adopted.Amount, adopted.PerPopulation.Values.Sum());
        Assert.Equal(5509854.20m, adopted.PerPopulation[west]);
        using var auditor = await fixture.ClientForAsync("auditor.alphen");
        var budget = await auditor.GetFromJsonAsync<JsonElement>($"/api/budgets/budgets/{adopted.BudgetId}");
        var version = budget.GetProperty("versions")[0];
        Assert.NotEqual(version.GetProperty("proposedBy").GetString(), version.GetProperty("decidedBy").GetString());
    }
}
