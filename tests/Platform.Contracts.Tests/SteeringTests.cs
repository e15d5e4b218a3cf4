using System.Net;
using System.Text.Json;
using Platform.IntegrationEvents.Outcomes;
using Platform.IntegrationEvents.Referrals;
using Platform.Testing;

namespace Platform.Contracts.Tests;

/// <summary>The steering talks' agenda: items raised by referral signals and missed results, once per cause; actions that carry over.</summary>
[Collection(SharedContractsService.Name)]
public sealed class SteeringTests(ContractsFixture fixture)
{
    private readonly Scenario _scenario = new(fixture);

    private static ReferralSignalRaised Signal(Guid signalId, string unitKind, string unitId) => new(
        "GM0484", signalId, unitKind, unitId, "Noord", "cost-shifting", "quarter", new DateOnly(2025, 4, 1), "above-upper-limit",
        new DateOnly(2025, 7, 1), new SignalEvidence(42, 20.5, 3000, 14.0, 6.8, 31.0, 37.0, 7.1, 7.4));

    private async Task<JsonElement> AgendaAsync(Guid contractId, string user = "advisor.alphen")
    {
        var (status, agenda) = await _scenario.SendAsync(HttpMethod.Get, $"/api/contracts/contracts/{contractId}/agenda", user: user);
        Assert.Equal(HttpStatusCode.OK, status);
        return agenda;
    }

    private async Task<bool> ItemsArrivedAsync(Guid contractId, string cause) =>
        await Eventually.TrueAsync(async () =>
            await fixture.AsOwnerAsync<long>("SELECT count(*) FROM agenda_items WHERE contract_id = $1 AND cause = $2", contractId, cause) > 0);

    [Fact]
    public async Task A_referral_signal_puts_exactly_one_item_on_the_next_talk_of_the_contract_it_concerns()
    {
        var population = await _scenario.PopulationAsync();
        var id = await _scenario.ActiveAsync(Scenario.Terms([population]));
        var other = await _scenario.ActiveAsync(Scenario.Terms([await _scenario.PopulationAsync()]) with { Name = "Other" });
        var (planned, talk) = await _scenario.PostAsync($"/api/contracts/contracts/{id}/talks", new { heldOn = "2025-10-15" });
        var signalId = Guid.NewGuid();

        // The same signal told twice (a second event, as after a re-send) is one cause.
        await fixture.PublishAsync(Signal(signalId, "population", population.ToString()));
        await fixture.PublishAsync(Signal(signalId, "population", population.ToString()));
        Assert.True(await ItemsArrivedAsync(id, "referral-signal"));
        await Task.Delay(1000);

        Assert.Equal(HttpStatusCode.OK, planned);
        var agenda = await AgendaAsync(id);
        Assert.Equal(talk.GetProperty("id").GetGuid(), agenda.GetProperty("nextTalk").GetProperty("id").GetGuid());
        var item = Assert.Single(agenda.GetProperty("items").EnumerateArray());
        Assert.Equal("referral-signal", item.GetProperty("cause").GetString());
        Assert.Contains("cost-shifting", item.GetProperty("title").GetString());
        Assert.Equal(42, item.GetProperty("figures").GetProperty("observed").GetInt64());
        Assert.Empty((await AgendaAsync(other)).GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task A_signal_for_a_neighbourhood_reaches_the_contract_whose_population_covers_its_municipality()
    {
        var id = await _scenario.ActiveAsync(Scenario.Terms([await _scenario.PopulationAsync()]));

        await fixture.PublishAsync(Signal(Guid.NewGuid(), "area", "BU04840101"));

        Assert.True(await ItemsArrivedAsync(id, "referral-signal"));
    }

    [Fact]
    public async Task A_missed_result_agreement_puts_exactly_one_item_on_the_next_talk_and_a_met_one_none()
    {
        var id = await _scenario.ActiveAsync(Scenario.Terms([await _scenario.PopulationAsync()]));
        var agreement = Guid.NewGuid();
        ResultAgreementEvaluated Evaluated(string outcome, int revision, Guid agreementId) => new(
            "GM0484", id, agreementId, "zrm-improved-or-stable", 1, new DateOnly(2025, 1, 1), new DateOnly(2025, 12, 31), 0.61m, 0.7m, outcome, revision);

        await fixture.PublishAsync(Evaluated("met", 1, Guid.NewGuid()));
        await fixture.PublishAsync(Evaluated("not-met", 1, agreement));
        await fixture.PublishAsync(Evaluated("not-met", 2, agreement));
        Assert.True(await ItemsArrivedAsync(id, "result-not-met"));
        await Task.Delay(1000);

        var item = Assert.Single((await AgendaAsync(id)).GetProperty("items").EnumerateArray());
        Assert.Contains("zrm-improved-or-stable", item.GetProperty("title").GetString());
        Assert.Equal(0.7m, item.GetProperty("figures").GetProperty("norm").GetDecimal());
    }

    [Fact]
    public async Task An_action_carries_over_to_every_next_talk_until_it_is_closed()
    {
        var id = await _scenario.ActiveAsync(Scenario.Terms([await _scenario.PopulationAsync()]));
        var (_, first) = await _scenario.PostAsync($"/api/contracts/contracts/{id}/talks", new { heldOn = "2025-04-15" });
        await _scenario.PostAsync($"/api/contracts/contracts/{id}/talks", new { heldOn = "2025-10-15" });
        await _scenario.PostAsync($"/api/contracts/contracts/{id}/agenda-items", new { title = "Waiting list in Noord", confidential = true });
        var (_, action) = await _scenario.PostAsync($"/api/contracts/contracts/{id}/actions",
            new { description = "Plan of approach for the waiting list", owner = "Tom in de buurt", dueOn = "2025-09-01" });

        var before = await AgendaAsync(id);
        await _scenario.PostAsync($"/api/contracts/contracts/{id}/talks/{first.GetProperty("id").GetGuid()}/held");
        var after = await AgendaAsync(id);
        await _scenario.PostAsync($"/api/contracts/contracts/{id}/actions/{action.GetGuid()}/closing");
        var closed = await AgendaAsync(id);

        Assert.Equal("2025-04-15", before.GetProperty("nextTalk").GetProperty("heldOn").GetString());
        Assert.True(Assert.Single(before.GetProperty("items").EnumerateArray()).GetProperty("confidential").GetBoolean());
        Assert.Single(before.GetProperty("openActions").EnumerateArray());
        Assert.Equal("2025-10-15", after.GetProperty("nextTalk").GetProperty("heldOn").GetString());
        Assert.Equal("Tom in de buurt", Assert.Single(after.GetProperty("openActions").EnumerateArray()).GetProperty("owner").GetString());
        Assert.Empty(closed.GetProperty("openActions").EnumerateArray());
    }

    [Fact]
    public async Task Another_municipality_sees_no_agenda_and_an_auditor_adds_nothing()
    {
        var id = await _scenario.ActiveAsync(Scenario.Terms([await _scenario.PopulationAsync()]));

        var kaag = await _scenario.SendAsync(HttpMethod.Get, $"/api/contracts/contracts/{id}/agenda", user: "advisor.kaag");
        var kaagItem = await _scenario.PostAsync($"/api/contracts/contracts/{id}/agenda-items", new { title = "Ours now" }, "contracts.kaag");
        var auditor = await _scenario.PostAsync($"/api/contracts/contracts/{id}/agenda-items", new { title = "Audit" }, "auditor.alphen");
        var invalid = await _scenario.PostAsync($"/api/contracts/contracts/{id}/actions", new { description = "", owner = "", dueOn = (string?)null });

        Assert.Equal(HttpStatusCode.NotFound, kaag.Status);
        Assert.Equal(HttpStatusCode.NotFound, kaagItem.Status);
        Assert.Equal(HttpStatusCode.Forbidden, auditor.Status);
        Assert.Equal(HttpStatusCode.BadRequest, invalid.Status);
        Assert.Equal(["description", "dueOn", "owner"], invalid.Body.GetProperty("errors").EnumerateObject().Select(e => e.Name).Order());
    }
}
