using System.Net;
using System.Text.Json;
using Platform.Contracts.Domain;
using Platform.IntegrationEvents.Populations;
using Platform.Testing;

namespace Platform.Contracts.Tests;

/// <summary>Scope checked against the populations service's events; obligations and result agreements checked field by field.</summary>
[Collection(SharedContractsService.Name)]
public sealed class ScopeAndTermsTests(ContractsFixture fixture)
{
    private readonly Scenario _scenario = new(fixture);

    [Fact]
    public async Task A_contract_keeps_its_scope_obligations_and_result_agreements()
    {
        var population = await _scenario.PopulationAsync();
        var id = await _scenario.DraftAsync(Scenario.Terms([population]));

        var (_, contract) = await _scenario.SendAsync(HttpMethod.Get, $"/api/contracts/contracts/{id}", user: "advisor.alphen");

        Assert.Equal([population.ToString()], contract.GetProperty("populations").EnumerateArray().Select(p => p.GetString()));
        Assert.Equal("provider", contract.GetProperty("access").GetProperty("organisedBy").GetString());
        var obligations = contract.GetProperty("obligations");
        Assert.True(obligations.GetProperty("dutyToAccept").GetBoolean());
        Assert.Equal("each-case", obligations.GetProperty("waitingTimeNorm").GetProperty("statistic").GetString());
        Assert.Equal("working", obligations.GetProperty("waitingTimeNorm").GetProperty("dayType").GetString());
        Assert.Equal(5m, obligations.GetProperty("socialReturnPercent").GetDecimal());
        Assert.Equal(2, obligations.GetProperty("reportingSchedule").GetArrayLength());
        var agreements = contract.GetProperty("resultAgreements").EnumerateArray().ToList();
        Assert.Equal(2, agreements.Count);
        Assert.All(agreements, a => Assert.NotEqual(Guid.Empty, a.GetProperty("agreementId").GetGuid()));
    }

    [Fact]
    public async Task Populations_unknown_of_another_municipality_or_retired_are_refused_by_position()
    {
        var kaagPopulation = await _scenario.PopulationAsync("GM1884");
        var retired = await _scenario.PopulationAsync(status: "retired");

        var (status, body) = await _scenario.PostAsync("/api/contracts/contracts", Scenario.Terms([Guid.NewGuid(), kaagPopulation, retired]));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        var errors = body.GetProperty("errors");
        Assert.True(errors.TryGetProperty("populations[0]", out _));
        Assert.True(errors.TryGetProperty("populations[1]", out _));
        Assert.Contains("retired", errors.GetProperty("populations[2]")[0].GetString());
    }

    [Fact]
    public async Task A_population_retired_later_can_no_longer_be_named()
    {
        var id = await _scenario.PopulationAsync();
        var snapshot = new PopulationSnapshot(id, "GM0484", "Retired later", "retired", ["GM0484"], 18, null, ["Wmo"], [], null, new DateOnly(2024, 1, 1), null, 3);
        await fixture.PublishAsync(new PopulationRetired("GM0484", snapshot));
        Assert.True(await Eventually.TrueAsync(async () => await fixture.AsOwnerAsync<string>("SELECT status FROM populations WHERE id = $1", id) == "retired"));

        var (status, _) = await _scenario.PostAsync("/api/contracts/contracts", Scenario.Terms([id]));

        Assert.Equal(HttpStatusCode.BadRequest, status);
    }

    [Fact]
    public async Task Every_invalid_obligation_and_result_agreement_field_is_named()
    {
        var terms = Scenario.Terms([]) with
        {
            Access = new AccessArrangement("nobody", null),
            Obligations = new Obligations(true, new WaitingTimeNorm(0, "median", "weekdays"), 120m, null,
                [new ReportingDuty("", "weekly", 400, "", false)]),
            ResultAgreements = [new ResultAgreement(null, "ZRM!", 0, "≥", -1m, "month", "penalty", null)],
        };

        var (status, body) = await _scenario.PostAsync("/api/contracts/contracts", terms);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        var fields = body.GetProperty("errors").EnumerateObject().Select(e => e.Name).ToHashSet();
        string[] expected =
        [
            "access.organisedBy", "obligations.waitingTimeNorm.days", "obligations.waitingTimeNorm.statistic",
            "obligations.waitingTimeNorm.dayType", "obligations.socialReturnPercent", "obligations.reportingSchedule[0].what",
            "obligations.reportingSchedule[0].rhythm", "obligations.reportingSchedule[0].dueDays", "obligations.reportingSchedule[0].recipient",
            "resultAgreements[0].indicatorCode", "resultAgreements[0].definitionVersion", "resultAgreements[0].comparison",
            "resultAgreements[0].norm", "resultAgreements[0].period", "resultAgreements[0].incentive",
        ];
        Assert.All(expected, field => Assert.Contains(field, fields));
    }

    [Fact]
    public async Task A_malus_on_a_result_agreement_under_a_subsidy_is_refused_and_a_bonus_allowed()
    {
        var subsidy = Scenario.Terms([]) with { LegalForm = "subsidy" };
        var bonusOnly = subsidy with
        {
            ResultAgreements = [new ResultAgreement(null, "client-satisfaction", 1, "at-least", 7m, "year", "bonus", 10_000m)],
        };

        var (malusStatus, body) = await _scenario.PostAsync("/api/contracts/contracts", subsidy);
        var (bonusStatus, _) = await _scenario.PostAsync("/api/contracts/contracts", bonusOnly);

        Assert.Equal(HttpStatusCode.BadRequest, malusStatus);
        Assert.Contains("malus", body.GetProperty("errors").GetProperty("resultAgreements[0].incentive")[0].GetString());
        Assert.Equal(HttpStatusCode.Created, bonusStatus);
    }

    [Fact]
    public async Task The_database_refuses_a_malus_agreement_under_a_subsidy_whatever_path_writes_it()
    {
        var id = await _scenario.DraftAsync(Scenario.Terms([]) with { ResultAgreements = [] , LegalForm = "subsidy" });

        var refused = await Record.ExceptionAsync(() => fixture.AsOwnerAsync<int>(
            """UPDATE contracts SET result_agreements = '[{"incentive": "malus"}]' WHERE id = $1""", id));

        Assert.NotNull(refused);
    }

    [Fact]
    public async Task A_draft_is_changed_in_full_and_its_history_shows_before_and_after()
    {
        var id = await _scenario.DraftAsync(Scenario.Terms([]));
        var changed = Scenario.Terms([]) with { Obligations = Obligations.None with { SocialReturnPercent = 7.5m, ReportingSchedule = [] } };

        var (status, body) = await _scenario.SendAsync(HttpMethod.Put, $"/api/contracts/contracts/{id}", changed);
        var (_, history) = await _scenario.SendAsync(HttpMethod.Get, $"/api/contracts/contracts/{id}/history", user: "auditor.alphen");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(2, body.GetProperty("version").GetInt32());
        var update = history.EnumerateArray().Last();
        Assert.Equal(5m, update.GetProperty("before").GetProperty("obligations").GetProperty("socialReturnPercent").GetDecimal());
        Assert.Equal(7.5m, update.GetProperty("after").GetProperty("obligations").GetProperty("socialReturnPercent").GetDecimal());
        Assert.Equal(JsonValueKind.Array, update.GetProperty("after").GetProperty("result_agreements").ValueKind);
    }
}
