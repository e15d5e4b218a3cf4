using System.Net;
using Platform.IntegrationEvents.Contracts;
using Platform.Testing;

namespace Platform.Contracts.Tests;

/// <summary>Draft → active → ended, the responsibilities it creates, and the events it publishes through the outbox.</summary>
[Collection(SharedContractsService.Name)]
public sealed class LifecycleTests(ContractsFixture fixture)
{
    private readonly Scenario _scenario = new(fixture);

    [Fact]
    public async Task Activation_publishes_ContractActivated_once_with_the_contract_as_other_services_need_it()
    {
        var population = await _scenario.PopulationAsync();
        var id = await _scenario.ActiveAsync(Scenario.Terms([population]));

        var activated = await SingleEventAsync<ContractActivated>(id);
        var contract = activated.Contract;
        Assert.Equal("GM0484", activated.Municipality);
        Assert.Equal("active", contract.Status);
        Assert.Equal("tom-in-de-buurt", contract.ContractingProviderId);
        Assert.Equal(["rijnland-jeugd"], contract.ConsortiumProviderIds);
        Assert.Equal([population], contract.PopulationIds);
        Assert.Equal(new DateOnly(2028, 12, 31), contract.EndsOn);
        var kpi = Assert.Single(contract.ResultAgreements, a => a.IndicatorCode == "zrm-improved-or-stable");
        Assert.Equal((1, "at-least", 0.7m, "year", "bonus-malus", 25_000m), (kpi.DefinitionVersion, kpi.Comparison, kpi.Norm, kpi.Period, kpi.Incentive, kpi.IncentiveAmount));
        Assert.NotEqual(Guid.Empty, kpi.AgreementId);
    }

    [Fact]
    public async Task A_second_contract_for_the_same_population_and_an_overlapping_period_is_refused_naming_the_first()
    {
        var population = await _scenario.PopulationAsync();
        var first = await _scenario.ActiveAsync(Scenario.Terms([population]));
        var second = await _scenario.DraftAsync(Scenario.Terms([population]) with
        {
            Name = "Rival consortium",
            Parties = [new("nieuwkoop-samen", "Nieuwkoop Samen", "contracting-party")],
            Start = new DateOnly(2028, 6, 1),
            End = new DateOnly(2030, 12, 31),
            EvaluationDates = [],
        });

        var (status, body) = await _scenario.PostAsync($"/api/contracts/contracts/{second}/activation");

        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.Contains(first.ToString(), body.GetProperty("detail").GetString());
        Assert.Contains("Tom in de buurt 18+", body.GetProperty("detail").GetString());
        Assert.Equal(0, await fixture.AsOwnerAsync<long>("SELECT count(*) FROM responsibilities WHERE contract_id = $1", second));
    }

    [Fact]
    public async Task A_contract_for_the_same_population_after_the_first_ended_comes_into_force()
    {
        var population = await _scenario.PopulationAsync();
        var first = await _scenario.ActiveAsync(Scenario.Terms([population]));
        var ended = await _scenario.PostAsync($"/api/contracts/contracts/{first}/ending", new { endedOn = "2026-06-30", reason = "terminated" });
        var next = await _scenario.DraftAsync(Scenario.Terms([population]) with { Start = new DateOnly(2026, 7, 1), EvaluationDates = [] });

        var (status, _) = await _scenario.PostAsync($"/api/contracts/contracts/{next}/activation");

        Assert.Equal(HttpStatusCode.OK, ended.Status);
        Assert.Equal(HttpStatusCode.OK, status);
        var endedEvent = await SingleEventAsync<ContractEnded>(first);
        Assert.Equal((new DateOnly(2026, 6, 30), "terminated"), (endedEvent.EndedOn, endedEvent.Reason));
        Assert.Equal(new DateOnly(2026, 6, 30), endedEvent.Contract.EndsOn);
        Assert.Equal("ended", endedEvent.Contract.Status);
    }

    [Fact]
    public async Task Only_a_draft_comes_into_force_and_only_an_active_contract_ends()
    {
        var population = await _scenario.PopulationAsync();
        var draft = await _scenario.DraftAsync(Scenario.Terms([population]));

        var endDraft = await _scenario.PostAsync($"/api/contracts/contracts/{draft}/ending", new { endedOn = "2028-12-31", reason = "term-expired" });
        await _scenario.PostAsync($"/api/contracts/contracts/{draft}/activation");
        var again = await _scenario.PostAsync($"/api/contracts/contracts/{draft}/activation");
        var change = await _scenario.SendAsync(HttpMethod.Put, $"/api/contracts/contracts/{draft}", Scenario.Terms([population]));

        Assert.Equal(HttpStatusCode.Conflict, endDraft.Status);
        Assert.Equal(HttpStatusCode.Conflict, again.Status);
        Assert.Equal(HttpStatusCode.Conflict, change.Status);
    }

    [Fact]
    public async Task An_ending_outside_the_term_or_with_an_unknown_reason_is_refused_by_field()
    {
        var id = await _scenario.ActiveAsync(Scenario.Terms([await _scenario.PopulationAsync()]));

        var (status, body) = await _scenario.PostAsync($"/api/contracts/contracts/{id}/ending", new { endedOn = "2030-01-01", reason = "bored" });
        var early = await _scenario.PostAsync($"/api/contracts/contracts/{id}/ending", new { endedOn = "2027-01-01", reason = "term-expired" });

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.True(body.GetProperty("errors").TryGetProperty("endedOn", out _));
        Assert.True(body.GetProperty("errors").TryGetProperty("reason", out _));
        Assert.Equal(HttpStatusCode.BadRequest, early.Status);
    }

    [Fact]
    public async Task A_contract_naming_a_draft_population_does_not_come_into_force()
    {
        var draftPopulation = await _scenario.PopulationAsync(status: "draft");
        var id = await _scenario.DraftAsync(Scenario.Terms([draftPopulation]));

        var (status, body) = await _scenario.PostAsync($"/api/contracts/contracts/{id}/activation");

        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.Contains("not active", body.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Extending_an_active_contract_moves_its_responsibility_and_publishes_ContractAmended()
    {
        var population = await _scenario.PopulationAsync();
        var id = await _scenario.ActiveAsync(Scenario.Terms([population]));

        var (status, body) = await _scenario.PostAsync($"/api/contracts/contracts/{id}/extensions");
        var refused = await _scenario.PostAsync($"/api/contracts/contracts/{id}/extensions");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("2030-12-31", body.GetProperty("end").GetString());
        Assert.Equal("2030-06-30", body.GetProperty("noticeDeadline").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        var amended = await SingleEventAsync<ContractAmended>(id);
        Assert.Equal(["endsOn"], amended.ChangedFields);
        Assert.Equal(new DateOnly(2030, 12, 31), amended.Contract.EndsOn);
        Assert.Equal("2030-12-31", await fixture.AsOwnerAsync<string>(
            "SELECT (upper(period) - 1)::text FROM responsibilities WHERE contract_id = $1", id));
    }

    [Fact]
    public async Task Another_municipality_cannot_activate_or_end_the_contract_and_an_auditor_cannot_write()
    {
        var id = await _scenario.DraftAsync(Scenario.Terms([await _scenario.PopulationAsync()]));

        var kaag = await _scenario.PostAsync($"/api/contracts/contracts/{id}/activation", user: "contracts.kaag");
        var auditor = await _scenario.PostAsync($"/api/contracts/contracts/{id}/activation", user: "auditor.alphen");
        var kaagEnd = await _scenario.PostAsync($"/api/contracts/contracts/{id}/ending", new { endedOn = "2028-12-31", reason = "term-expired" }, "contracts.kaag");

        Assert.Equal(HttpStatusCode.NotFound, kaag.Status);
        Assert.Equal(HttpStatusCode.Forbidden, auditor.Status);
        Assert.Equal(HttpStatusCode.NotFound, kaagEnd.Status);
        Assert.Equal("draft", await fixture.AsOwnerAsync<string>("SELECT status FROM contracts WHERE id = $1", id));
    }

    /// <summary>The one event of its type about the contract, after waiting a little for any duplicate.</summary>
    private async Task<TEvent> SingleEventAsync<TEvent>(Guid contractId)
        where TEvent : class
    {
        bool Matches(object e) => e is TEvent && ContractOf(e) == contractId;
        Assert.True(await Eventually.TrueAsync(() => Task.FromResult(fixture.ContractEvents.Any(Matches))), $"No {typeof(TEvent).Name} arrived.");
        await Task.Delay(500);
        return (TEvent)(object)Assert.Single(fixture.ContractEvents, Matches);
    }

    private static Guid ContractOf(object e) => e switch
    {
        ContractActivated a => a.Contract.ContractId,
        ContractAmended a => a.Contract.ContractId,
        ContractEnded a => a.Contract.ContractId,
        _ => Guid.Empty,
    };
}
