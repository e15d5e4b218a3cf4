using System.Net;
using Platform.Contracts.Domain;
using Platform.IntegrationEvents.Contracts;
using Platform.Testing;

namespace Platform.Contracts.Tests;

/// <summary>Amendments ("addenda") as the contract's next version, approved by a second person.</summary>
[Collection(SharedContractsService.Name)]
public sealed class AmendmentsTests(ContractsFixture fixture)
{
    private readonly Scenario _scenario = new(fixture);

    private static ContractTerms RaisedNorm(ContractTerms terms, AgreementIds agreements) => terms with
    {
        ResultAgreements = [.. agreements.Ids.Select((id, i) => terms.ResultAgreements![i] with { AgreementId = id, Norm = i == 0 ? 0.75m : terms.ResultAgreements[i].Norm })],
    };

    [Fact]
    public async Task A_second_person_approves_an_amendment_and_the_new_version_is_published_with_what_changed()
    {
        var terms = Scenario.Terms([await _scenario.PopulationAsync()]);
        var id = await _scenario.ActiveAsync(terms);
        var agreements = await AgreementIdsAsync(id);

        var (proposed, amendment) = await _scenario.PostAsync($"/api/contracts/contracts/{id}/amendments",
            new { reason = "Addendum 1: ZRM norm raised after the first evaluation", terms = RaisedNorm(terms, agreements) });
        var amendmentId = amendment.GetProperty("id").GetGuid();
        var (approved, decision) = await _scenario.PostAsync($"/api/contracts/contracts/{id}/amendments/{amendmentId}/approval", user: "controller.alphen");

        Assert.Equal(HttpStatusCode.OK, proposed);
        Assert.Equal(HttpStatusCode.OK, approved);
        Assert.Equal("approved", decision.GetProperty("status").GetString());
        Assert.NotEqual(decision.GetProperty("proposedBy").GetString(), decision.GetProperty("decidedBy").GetString());
        var (_, contract) = await _scenario.SendAsync(HttpMethod.Get, $"/api/contracts/contracts/{id}");
        Assert.Equal(0.75m, contract.GetProperty("resultAgreements")[0].GetProperty("norm").GetDecimal());
        Assert.Equal(agreements.Ids[0], contract.GetProperty("resultAgreements")[0].GetProperty("agreementId").GetGuid());

        Assert.True(await Eventually.TrueAsync(() => Task.FromResult(fixture.ContractEvents.OfType<ContractAmended>().Any(e => e.Contract.ContractId == id))));
        var amended = Assert.Single(fixture.ContractEvents.OfType<ContractAmended>(), e => e.Contract.ContractId == id);
        Assert.Equal(["resultAgreements"], amended.ChangedFields);
        Assert.Equal(0.75m, amended.Contract.ResultAgreements[0].Norm);
        Assert.Equal(agreements.Ids[0], amended.Contract.ResultAgreements[0].AgreementId);
    }

    [Fact]
    public async Task The_proposer_cannot_approve_an_auditor_cannot_decide_and_another_municipality_sees_nothing()
    {
        var terms = Scenario.Terms([await _scenario.PopulationAsync()]);
        var id = await _scenario.ActiveAsync(terms);
        var (_, amendment) = await _scenario.PostAsync($"/api/contracts/contracts/{id}/amendments", new { reason = "Notes corrected", terms = terms with { Notes = "Corrected" } });
        var path = $"/api/contracts/contracts/{id}/amendments/{amendment.GetProperty("id").GetGuid()}";

        var self = await _scenario.PostAsync($"{path}/approval");
        var auditor = await _scenario.PostAsync($"{path}/approval", user: "auditor.alphen");
        var kaag = await _scenario.PostAsync($"{path}/approval", user: "contracts.kaag");
        var kaagList = await _scenario.SendAsync(HttpMethod.Get, $"/api/contracts/contracts/{id}/amendments", user: "advisor.kaag");

        Assert.Equal(HttpStatusCode.Conflict, self.Status);
        Assert.Contains("Four eyes", self.Body.GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, auditor.Status);
        Assert.Equal(HttpStatusCode.NotFound, kaag.Status);
        Assert.Equal(0, kaagList.Body.GetArrayLength());
        Assert.Equal(2, await fixture.AsOwnerAsync<int>("SELECT version FROM contracts WHERE id = $1", id));
    }

    [Fact]
    public async Task An_amendment_cannot_lengthen_the_term_past_the_options_nor_amend_a_draft()
    {
        var terms = Scenario.Terms([await _scenario.PopulationAsync()]);
        var id = await _scenario.ActiveAsync(terms);
        var draft = await _scenario.DraftAsync(Scenario.Terms([]));

        var (longer, body) = await _scenario.PostAsync($"/api/contracts/contracts/{id}/amendments",
            new { reason = "Longer", terms = terms with { End = new DateOnly(2035, 12, 31) } });
        var (onDraft, _) = await _scenario.PostAsync($"/api/contracts/contracts/{draft}/amendments", new { reason = "Draft", terms });

        Assert.Equal(HttpStatusCode.BadRequest, longer);
        Assert.True(body.GetProperty("errors").TryGetProperty("terms.end", out _));
        Assert.Equal(HttpStatusCode.Conflict, onDraft);
    }

    [Fact]
    public async Task An_amendment_adding_a_population_another_contract_answers_for_is_refused_at_approval()
    {
        var taken = await _scenario.PopulationAsync();
        var other = await _scenario.ActiveAsync(Scenario.Terms([taken]) with { Name = "Other contract" });
        var terms = Scenario.Terms([await _scenario.PopulationAsync()]);
        var id = await _scenario.ActiveAsync(terms);
        var agreements = await AgreementIdsAsync(id);
        var (_, amendment) = await _scenario.PostAsync($"/api/contracts/contracts/{id}/amendments",
            new { reason = "Scope widened", terms = RaisedNorm(terms, agreements) with { Populations = [.. terms.Populations, taken] } });

        var (status, body) = await _scenario.PostAsync(
            $"/api/contracts/contracts/{id}/amendments/{amendment.GetProperty("id").GetGuid()}/approval", user: "controller.alphen");

        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.Contains(other.ToString(), body.GetProperty("detail").GetString());
    }

    private async Task<AgreementIds> AgreementIdsAsync(Guid id)
    {
        var (_, contract) = await _scenario.SendAsync(HttpMethod.Get, $"/api/contracts/contracts/{id}");
        return new([.. contract.GetProperty("resultAgreements").EnumerateArray().Select(a => a.GetProperty("agreementId").GetGuid())]);
    }

    /// <summary>The stored agreements' ids, in order, so an amendment keeps them.</summary>
    private sealed record AgreementIds(IReadOnlyList<Guid> Ids);
}
