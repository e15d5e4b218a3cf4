using System.Net;
using System.Text.Json;

namespace Platform.Contracts.Tests;

/// <summary>A held talk's record: the narrative ("tellen én vertellen") and decisions, who may write them, and their history.</summary>
[Collection(SharedContractsService.Name)]
public sealed class TalkRecordTests(ContractsFixture fixture)
{
    private readonly Scenario _scenario = new(fixture);

    /// <summary>An active contract with one held talk that has one item by hand on its agenda.</summary>
    private async Task<(Guid Contract, Guid Talk, Guid Item)> HeldTalkAsync()
    {
        var id = await _scenario.ActiveAsync(Scenario.Terms([await _scenario.PopulationAsync()]));
        var (_, talk) = await _scenario.PostAsync($"/api/contracts/contracts/{id}/talks", new { heldOn = "2025-06-12" });
        var talkId = talk.GetProperty("id").GetGuid();
        await _scenario.PostAsync($"/api/contracts/contracts/{id}/agenda-items", new { title = "Waiting times in Noord" });
        var (held, _) = await _scenario.PostAsync($"/api/contracts/contracts/{id}/talks/{talkId}/held");
        Assert.Equal(HttpStatusCode.OK, held);
        var (_, record) = await _scenario.SendAsync(HttpMethod.Get, $"/api/contracts/contracts/{id}/talks/{talkId}");
        return (id, talkId, Assert.Single(record.GetProperty("items").EnumerateArray()).GetProperty("id").GetGuid());
    }

    private static object Narrative(string? provider, string? municipality) => new { providerAccount = provider, municipalityAccount = municipality };

    private static string[] ErrorFields(JsonElement problem) => [.. problem.GetProperty("errors").EnumerateObject().Select(e => e.Name).Order()];

    [Fact]
    public async Task A_contract_manager_records_the_narrative_and_a_decision_and_readers_see_them_with_the_talk()
    {
        var (id, talk, item) = await HeldTalkAsync();
        var talkPath = $"/api/contracts/contracts/{id}/talks/{talk}";

        var (told, _) = await _scenario.SendAsync(HttpMethod.Put, $"{talkPath}/narrative",
            Narrative("Two team members left in spring; the waiting list grew.", "We see the same in the figures and accept a plan."));
        var (decided, decision) = await _scenario.PostAsync($"{talkPath}/decisions",
            new { text = "Tom presents a plan of approach for the waiting list by 1 September.", agendaItemId = item });
        var (general, _) = await _scenario.PostAsync($"{talkPath}/decisions", new { text = "Next talk in October." });
        var (read, record) = await _scenario.SendAsync(HttpMethod.Get, talkPath, user: "auditor.alphen");
        var (_, talks) = await _scenario.SendAsync(HttpMethod.Get, $"/api/contracts/contracts/{id}/talks", user: "advisor.alphen");

        Assert.Equal(HttpStatusCode.OK, told);
        Assert.Equal(HttpStatusCode.OK, decided);
        Assert.Equal(HttpStatusCode.OK, general);
        Assert.Equal(item, decision.GetProperty("agendaItemId").GetGuid());
        Assert.Equal(HttpStatusCode.OK, read);
        Assert.Equal("held", record.GetProperty("talk").GetProperty("status").GetString());
        var narrative = record.GetProperty("narrative");
        Assert.Equal("Two team members left in spring; the waiting list grew.", narrative.GetProperty("providerAccount").GetString());
        Assert.Equal("We see the same in the figures and accept a plan.", narrative.GetProperty("municipalityAccount").GetString());
        Assert.False(string.IsNullOrEmpty(narrative.GetProperty("recordedBy").GetString()));
        var decisions = record.GetProperty("decisions").EnumerateArray().ToList();
        Assert.Equal(2, decisions.Count);
        Assert.Equal(item, decisions[0].GetProperty("agendaItemId").GetGuid());
        Assert.Equal(JsonValueKind.Null, decisions[1].GetProperty("agendaItemId").ValueKind);
        Assert.Equal(talk, Assert.Single(talks.EnumerateArray()).GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task Every_write_to_the_record_is_kept_in_its_history_with_before_and_after()
    {
        var (id, talk, _) = await HeldTalkAsync();
        var talkPath = $"/api/contracts/contracts/{id}/talks/{talk}";

        await _scenario.SendAsync(HttpMethod.Put, $"{talkPath}/narrative", Narrative("First account.", null));
        await _scenario.SendAsync(HttpMethod.Put, $"{talkPath}/narrative", Narrative("Second account.", "Ours."));
        await _scenario.PostAsync($"{talkPath}/decisions", new { text = "Agreed." });
        var (status, history) = await _scenario.SendAsync(HttpMethod.Get, $"{talkPath}/history", user: "auditor.alphen");
        var (_, record) = await _scenario.SendAsync(HttpMethod.Get, talkPath);

        Assert.Equal(HttpStatusCode.OK, status);
        var changes = history.EnumerateArray().ToList();
        Assert.Equal(["narrative:insert", "narrative:update", "decision:insert"],
            changes.Select(c => $"{c.GetProperty("record").GetString()}:{c.GetProperty("operation").GetString()}"));
        Assert.Equal("First account.", changes[1].GetProperty("before").GetProperty("provider_account").GetString());
        Assert.Equal("Second account.", changes[1].GetProperty("after").GetProperty("provider_account").GetString());
        Assert.All(changes, c => Assert.False(string.IsNullOrEmpty(c.GetProperty("changedBy").GetString())));
        Assert.Equal(2, record.GetProperty("narrative").GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task Invalid_input_is_refused_field_by_field_and_a_planned_talk_has_no_record_yet()
    {
        var (id, talk, _) = await HeldTalkAsync();
        var otherItem = Guid.NewGuid();
        var talkPath = $"/api/contracts/contracts/{id}/talks/{talk}";
        var (_, planned) = await _scenario.PostAsync($"/api/contracts/contracts/{id}/talks", new { heldOn = "2025-12-04" });

        var empty = await _scenario.PostAsync($"{talkPath}/decisions", new { text = " ", agendaItemId = otherItem });
        var bsn = await _scenario.PostAsync($"{talkPath}/decisions", new { text = "Client 111222333 gets priority." });
        var noAccount = await _scenario.SendAsync(HttpMethod.Put, $"{talkPath}/narrative", Narrative("", null));
        var tooLong = await _scenario.SendAsync(HttpMethod.Put, $"{talkPath}/narrative", Narrative("ok", new string('x', 4001)));
        var early = await _scenario.PostAsync(
            $"/api/contracts/contracts/{id}/talks/{planned.GetProperty("id").GetGuid()}/decisions", new { text = "Too soon." });

        Assert.Equal(HttpStatusCode.BadRequest, empty.Status);
        Assert.Equal(["agendaItemId", "text"], ErrorFields(empty.Body));
        Assert.Equal(HttpStatusCode.BadRequest, bsn.Status);
        Assert.Equal(["text"], ErrorFields(bsn.Body));
        Assert.Equal(HttpStatusCode.BadRequest, noAccount.Status);
        Assert.Equal(["providerAccount"], ErrorFields(noAccount.Body));
        Assert.Equal(["municipalityAccount"], ErrorFields(tooLong.Body));
        Assert.Equal(HttpStatusCode.Conflict, early.Status);
        Assert.Contains("not been held", early.Body.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Another_municipality_finds_nothing_and_readers_other_than_the_contract_manager_write_nothing()
    {
        var (id, talk, _) = await HeldTalkAsync();
        var talkPath = $"/api/contracts/contracts/{id}/talks/{talk}";

        var kaagRead = await _scenario.SendAsync(HttpMethod.Get, talkPath, user: "advisor.kaag");
        var kaagList = await _scenario.SendAsync(HttpMethod.Get, $"/api/contracts/contracts/{id}/talks", user: "contracts.kaag");
        var kaagDecision = await _scenario.PostAsync($"{talkPath}/decisions", new { text = "Ours now." }, "contracts.kaag");
        var kaagNarrative = await _scenario.SendAsync(HttpMethod.Put, $"{talkPath}/narrative", Narrative("Ours.", null), "contracts.kaag");
        var auditor = await _scenario.PostAsync($"{talkPath}/decisions", new { text = "Audit." }, "auditor.alphen");
        var advisor = await _scenario.SendAsync(HttpMethod.Put, $"{talkPath}/narrative", Narrative("Advice.", null), "advisor.alphen");
        var controller = await _scenario.PostAsync($"{talkPath}/decisions", new { text = "Control." }, "controller.alphen");
        var unknownTalk = await _scenario.SendAsync(HttpMethod.Get, $"/api/contracts/contracts/{id}/talks/{Guid.NewGuid()}");

        Assert.Equal(HttpStatusCode.NotFound, kaagRead.Status);
        Assert.Equal(HttpStatusCode.NotFound, kaagList.Status);
        Assert.Equal(HttpStatusCode.NotFound, kaagDecision.Status);
        Assert.Equal(HttpStatusCode.NotFound, kaagNarrative.Status);
        Assert.Equal(HttpStatusCode.Forbidden, auditor.Status);
        Assert.Equal(HttpStatusCode.Forbidden, advisor.Status);
        Assert.Equal(HttpStatusCode.Forbidden, controller.Status);
        Assert.Equal(HttpStatusCode.NotFound, unknownTalk.Status);
        var (_, record) = await _scenario.SendAsync(HttpMethod.Get, talkPath);
        Assert.Empty(record.GetProperty("decisions").EnumerateArray());
        Assert.Equal(JsonValueKind.Null, record.GetProperty("narrative").ValueKind);
    }

    [Fact]
    public async Task The_application_role_cannot_delete_decisions_or_rewrite_the_talk_history()
    {
        var canChange = await fixture.AsOwnerAsync<bool>(
            """
            SELECT has_table_privilege(current_database() || '_app', 'talk_history', 'INSERT')
                OR has_table_privilege(current_database() || '_app', 'talk_history', 'UPDATE')
                OR has_table_privilege(current_database() || '_app', 'talk_history', 'DELETE')
                OR has_table_privilege(current_database() || '_app', 'talk_decisions', 'UPDATE')
                OR has_table_privilege(current_database() || '_app', 'talk_decisions', 'DELETE')
                OR has_table_privilege(current_database() || '_app', 'talk_narratives', 'DELETE')
            """);

        Assert.False(canChange);
    }
}
