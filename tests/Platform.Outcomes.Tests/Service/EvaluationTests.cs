using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.IntegrationEvents.Contracts;
using Platform.IntegrationEvents.Outcomes;
using Platform.Provider.V1;
using Platform.Testing;
using static Platform.Outcomes.Tests.Service.ContractEvents;
using static Platform.Outcomes.Tests.Service.Measurements;

namespace Platform.Outcomes.Tests.Service;

/// <summary>Result agreements evaluated per period and published once through the outbox, on the real broker.</summary>
public sealed class EvaluationTests(OutcomesFixture fixture) : IClassFixture<OutcomesFixture>
{
    private static readonly DateOnly FirstQuarter = new(2025, 1, 1);

    private async Task SubmitAsync(params Measurement[] measurements) =>
        Assert.Empty((await (await fixture.ProviderClientAsync("provider-tom-in-de-buurt")).SubmitMeasurementsAsync(Batch(measurements))).Rejected);

    private async Task<JsonElement[]> RunAsync(string user = "contracts.alphen")
    {
        var response = await (await fixture.ClientForAsync(user)).PostAsync("/api/outcomes/evaluations/run", null);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement[]>())!;
    }

    private List<ResultAgreementEvaluated> Published(Guid agreement, DateOnly periodStart) =>
        [.. fixture.Evaluations.Where(e => e.AgreementId == agreement && e.PeriodStart == periodStart)];

    private async Task<ResultAgreementEvaluated> PublishedOnceAsync(Guid agreement, DateOnly periodStart)
    {
        Assert.True(await Eventually.TrueAsync(() => Task.FromResult(Published(agreement, periodStart).Count > 0)), "No evaluation was published.");
        await Task.Delay(TimeSpan.FromSeconds(1)); // a second publication would arrive within the relay's interval
        return Assert.Single(Published(agreement, periodStart));
    }

    [Fact]
    public async Task A_satisfaction_miss_is_published_exactly_once_and_a_result_at_the_norm_meets_it()
    {
        var satisfaction = Agreement("client-satisfaction", "at-least", 7m);
        var zrm = Agreement("zrm-improved-or-stable", "at-least", 0.8m);
        var strictBoundary = Agreement("zrm-improved-or-stable", "more-than", 0.8m);
        var contract = await ActiveAsync(fixture, Alphen, Tom, satisfaction, zrm, strictBoundary);
        var (c, p) = (contract.ContractId, contract.PopulationIds[0]);
        var id = $"e-{c:N}-";

        // Grades 6×5 and 7×5: a mean of 6.5, under "minimaal cijfer 7". Four of five clients improve: 0.8 exactly.
        await SubmitAsync([
            Survey(id + "s", c, p, "client-satisfaction", "2025-01-01", "2025-03-31", 10, ("6", 5), ("7", 5)),
            .. Enumerable.Range(1, 5).SelectMany(i => new[]
            {
                Zrm($"{id}{i}a", c, p, $"client-{i}", "2025-01-10", 3), Zrm($"{id}{i}b", c, p, $"client-{i}", "2025-03-10", i == 5 ? 2 : 4),
            }),
        ]);

        await RunAsync();
        await RunAsync("controller.alphen");

        var miss = await PublishedOnceAsync(satisfaction.AgreementId, FirstQuarter);
        Assert.Equal(("not-met", 6.5m, 1, 1), (miss.Outcome, miss.Value, miss.Revision, miss.DefinitionVersion));
        Assert.Equal((Alphen, c, new DateOnly(2025, 3, 31)), (miss.Municipality, miss.ContractId, miss.PeriodEnd));
        Assert.Equal(("met", 0.8m), ((await PublishedOnceAsync(zrm.AgreementId, FirstQuarter)).Outcome, (await PublishedOnceAsync(zrm.AgreementId, FirstQuarter)).Value));
        Assert.Equal("not-met", (await PublishedOnceAsync(strictBoundary.AgreementId, FirstQuarter)).Outcome);
        Assert.Equal("insufficient-data", (await PublishedOnceAsync(satisfaction.AgreementId, new DateOnly(2025, 4, 1))).Outcome);
    }

    [Fact]
    public async Task A_new_definition_version_recomputes_only_the_periods_under_it()
    {
        var ladder = Agreement("ladder-more-active-or-stable", "at-least", 0.5m);
        var contract = await ActiveAsync(fixture, Alphen, Tom, ladder);
        var (c, p) = (contract.ContractId, contract.PopulationIds[0]);
        var id = $"v-{c:N}-";
        await SubmitAsync([.. Enumerable.Range(1, 5).SelectMany(i => new[]
        {
            Ladder($"{id}{i}q1a", c, p, $"client-{i}", "2025-01-10", 2), Ladder($"{id}{i}q1b", c, p, $"client-{i}", "2025-03-10", 3),
            Ladder($"{id}{i}q2a", c, p, $"client-{i}", "2025-04-10", 3), Ladder($"{id}{i}q2b", c, p, $"client-{i}", "2025-06-10", 3),
        })]);
        var first = await RunAsync();
        Assert.Contains(first, e => e.GetProperty("agreementId").GetGuid() == ladder.AgreementId && e.GetProperty("outcome").GetString() == "met");

        // From the second quarter of 2025, a client counts only with three readings.
        await fixture.AsOwnerAsync<int>(
            """
            INSERT INTO indicator_definitions (code, version, valid_from, unit, statistic, numerator, denominator, counts_clients, minimum_measurements)
            SELECT code, 2, '2025-04-01', unit, statistic, numerator, denominator, 'clients with at least three ladder readings in the period', 3
            FROM indicator_definitions WHERE code = 'ladder-more-active-or-stable' AND version = 1
            RETURNING 1
            """);
        var second = (await RunAsync()).Where(e => e.GetProperty("agreementId").GetGuid() == ladder.AgreementId).ToList();

        Assert.NotEmpty(second);
        Assert.All(second, e => Assert.True(DateOnly.Parse(e.GetProperty("periodStart").GetString()!, System.Globalization.CultureInfo.InvariantCulture) >= new DateOnly(2025, 4, 1)));
        Assert.All(second, e => Assert.Equal((2, 2), (e.GetProperty("definitionVersion").GetInt32(), e.GetProperty("revision").GetInt32())));
        var q2 = Assert.Single(second, e => e.GetProperty("periodStart").GetString() == "2025-04-01");
        Assert.Equal("insufficient-data", q2.GetProperty("outcome").GetString());
        Assert.Equal(1, (await PublishedOnceAsync(ladder.AgreementId, FirstQuarter)).Revision);
        Assert.True(await Eventually.TrueAsync(() => Task.FromResult(Published(ladder.AgreementId, new DateOnly(2025, 4, 1)).Any(e => e.Revision == 2))));
    }

    [Fact]
    public async Task Another_municipality_sees_none_of_the_evaluations()
    {
        var contract = await ActiveAsync(fixture, Alphen, Tom, Agreement("client-satisfaction", "at-least", 7m));
        await RunAsync();

        var kaag = await (await fixture.ClientForAsync("advisor.kaag")).GetFromJsonAsync<JsonElement[]>($"/api/outcomes/evaluations?contractId={contract.ContractId}");
        var alphen = await (await fixture.ClientForAsync("auditor.alphen")).GetFromJsonAsync<JsonElement[]>($"/api/outcomes/evaluations?contractId={contract.ContractId}");

        Assert.Empty(kaag!);
        Assert.NotEmpty(alphen!);
    }

    [Theory]
    [InlineData("advisor.alphen")]
    [InlineData("auditor.alphen")]
    [InlineData("coordinator.rijnland")]
    public async Task Only_contract_managers_and_controllers_run_an_evaluation(string user)
    {
        var response = await (await fixture.ClientForAsync(user)).PostAsync("/api/outcomes/evaluations/run", null);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}
