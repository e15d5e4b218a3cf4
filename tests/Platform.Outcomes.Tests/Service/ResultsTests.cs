using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Grpc.Core;
using Platform.IntegrationEvents.Contracts;
using Platform.Provider.V1;
using static Platform.Outcomes.Tests.Service.ContractEvents;
using static Platform.Outcomes.Tests.Service.Measurements;

namespace Platform.Outcomes.Tests.Service;

/// <summary>
/// Results over REST from a small fixture computed by hand: Tom's contract with two populations in the first quarter
/// of 2025, and who may see them.
/// </summary>
public sealed class ResultsTests(OutcomesFixture fixture) : IClassFixture<OutcomesFixture>, IAsyncLifetime
{
    private static readonly int[] Threes = [3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3];
    private static readonly int[] OneDeclines = [4, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 2];
    private ContractSnapshot _contract = null!;

    private Guid First => _contract.PopulationIds[0];

    private Guid Second => _contract.PopulationIds[1];

    public async Task InitializeAsync()
    {
        _contract = await ActiveAsync(fixture, Alphen, Tom);
        var (c, p1, p2) = (_contract.ContractId, First, Second);
        var id = $"r-{c:N}-";
        var selfScored = Zrm(id + "g2", c, p1, "client-g", "2025-03-01", 1);
        selfScored.Zrm.ScoredBy = Provider.V1.ScoredBy.Self;
        Measurement[] first =
        [
            // Population 1, ZRM: a improves everywhere, b improves on one domain and declines on another, c declines
            // everywhere, d and e stay equal; f has one measurement and g scored only himself: 5 clients count.
            Zrm(id + "a1", c, p1, "client-a", "2025-01-10", 3), Zrm(id + "a2", c, p1, "client-a", "2025-03-10", 4),
            Zrm(id + "b1", c, p1, "client-b", "2025-01-10", Threes), Zrm(id + "b2", c, p1, "client-b", "2025-03-10", OneDeclines),
            Zrm(id + "c1", c, p1, "client-c", "2025-01-10", 4), Zrm(id + "c2", c, p1, "client-c", "2025-03-10", 3),
            Zrm(id + "d1", c, p1, "client-d", "2025-01-10", 3), Zrm(id + "d2", c, p1, "client-d", "2025-02-10", 3),
            Zrm(id + "e1", c, p1, "client-e", "2025-01-10", 2), Zrm(id + "e2", c, p1, "client-e", "2025-03-31", 2),
            Zrm(id + "f1", c, p1, "client-f", "2025-01-10", 1),
            Zrm(id + "g1", c, p1, "client-g", "2025-01-10", 5), selfScored,

            // Grades 6×3, 7×4, 8×5 from 12 respondents: 86 / 12.
            Survey(id + "s1", c, p1, "client-satisfaction", "2025-01-01", "2025-03-31", 12, ("6", 3), ("7", 4), ("8", 5)),
            Narrative(id + "n1", c, p1, "client-satisfaction", "2025-01-01", "2025-03-31", "A new team lead started in February."),

            // Waits of 2, 4, 5, 7 and 3 days: the longest is 7.
            Waiting(id + "w1", c, p1, "case-1", "2025-01-02", "2025-01-04"), Waiting(id + "w2", c, p1, "case-2", "2025-01-02", "2025-01-06"),
            Waiting(id + "w3", c, p1, "case-3", "2025-02-02", "2025-02-07"), Waiting(id + "w4", c, p1, "case-4", "2025-02-02", "2025-02-09"),
            Waiting(id + "w5", c, p1, "case-5", "2025-03-02", "2025-03-05"),
        ];

        // Population 2: five clients who all improve.
        Measurement[] second = [.. Enumerable.Range(1, 5).SelectMany(i => new[]
        {
            Zrm($"{id}p2-{i}-1", c, p2, $"client-p2-{i}", "2025-01-15", 2), Zrm($"{id}p2-{i}-2", c, p2, $"client-p2-{i}", "2025-03-15", 3),
        })];
        var response = await (await fixture.ProviderClientAsync("provider-tom-in-de-buurt")).SubmitMeasurementsAsync(Batch([.. first, .. second]));
        Assert.Empty(response.Rejected);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<JsonElement[]> ResultsAsync(string user, string query) =>
        (await (await fixture.ClientForAsync(user)).GetFromJsonAsync<JsonElement[]>($"/api/outcomes/results?contractId={_contract.ContractId}&{query}"))!;

    private static JsonElement Row(JsonElement[] rows, string indicator, Guid? population) =>
        Assert.Single(rows, r => r.GetProperty("indicator").GetString() == indicator
            && (population is null ? r.GetProperty("populationId").ValueKind == JsonValueKind.Null : r.GetProperty("populationId").GetString() == population.ToString()));

    [Fact]
    public async Task Zrm_shares_follow_each_reading_with_wilson_intervals_and_name_their_definition_version()
    {
        var rows = await ResultsAsync("advisor.alphen", "period=2025-Q1");

        var lenient = Row(rows, "zrm-improved-or-stable", First);
        var strict = Row(rows, "zrm-no-domain-declines", First);
        Assert.Equal((4m, 5m, 0.8m), (lenient.GetProperty("numerator").GetDecimal(), lenient.GetProperty("denominator").GetDecimal(), lenient.GetProperty("value").GetDecimal()));
        Assert.Equal(0.3755, lenient.GetProperty("lower").GetDouble(), 4);
        Assert.Equal(0.9638, lenient.GetProperty("upper").GetDouble(), 4);
        Assert.Equal(1, lenient.GetProperty("definitionVersion").GetInt32());
        Assert.Equal((3m, 0.6m), (strict.GetProperty("numerator").GetDecimal(), strict.GetProperty("value").GetDecimal()));

        // The contract as a whole: 4 + 5 of 5 + 5.
        Assert.Equal(0.9m, Row(rows, "zrm-improved-or-stable", null).GetProperty("value").GetDecimal());
    }

    [Fact]
    public async Task Satisfaction_is_the_mean_grade_and_waiting_time_the_longest_case_with_the_narrative_beside_it()
    {
        var rows = await ResultsAsync("controller.alphen", "period=2025-Q1");

        var satisfaction = Row(rows, "client-satisfaction", First);
        Assert.Equal(86m / 12m, satisfaction.GetProperty("value").GetDecimal());
        Assert.Equal("A new team lead started in February.", Assert.Single(satisfaction.GetProperty("narratives").EnumerateArray()).GetProperty("text").GetString());
        Assert.Equal(7m, Row(rows, "waiting-time-days", First).GetProperty("value").GetDecimal());
    }

    [Fact]
    public async Task Populations_are_placed_against_their_peers_in_a_funnel()
    {
        var rows = await ResultsAsync("advisor.alphen", "period=2025-Q1&indicator=zrm-improved-or-stable");

        var first = Row(rows, "zrm-improved-or-stable", First);
        Assert.Equal(0.9, first.GetProperty("peerShare").GetDouble(), 10);
        Assert.Equal("within-chance", first.GetProperty("peerPosition").GetString());
    }

    [Fact]
    public async Task A_period_without_enough_measurements_has_no_value()
    {
        var rows = await ResultsAsync("advisor.alphen", "period=2025-Q2");

        var zrm = Row(rows, "zrm-improved-or-stable", First);
        Assert.Equal("insufficient-data", zrm.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, zrm.GetProperty("value").ValueKind);
    }

    [Fact]
    public async Task The_figures_download_as_csv()
    {
        var client = await fixture.ClientForAsync("auditor.alphen");

        var csv = await client.GetStringAsync($"/api/outcomes/results?contractId={_contract.ContractId}&period=2025-Q1&indicator=zrm-no-domain-declines&format=csv");

        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("contract_id;contract;population_id;period;indicator;definition_version", lines[0], StringComparison.Ordinal);
        Assert.Equal(4, lines.Length); // the header, the contract, its two populations
        Assert.Contains(lines, l => l.Contains($"{First};2025-Q1;zrm-no-domain-declines;1;share;0.6;3;5;computed", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Another_municipality_sees_nothing_of_the_contract()
    {
        Assert.Empty(await ResultsAsync("advisor.kaag", "period=2025-Q1"));
    }

    [Theory]
    [InlineData("coordinator.rijnland")]
    [InlineData("admin")]
    public async Task Staff_without_a_municipal_role_are_refused(string user)
    {
        var response = await (await fixture.ClientForAsync(user)).GetAsync($"/api/outcomes/results?period=2025-Q1");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task A_provider_systems_token_reads_no_results_over_rest()
    {
        var response = await fixture.Client(await fixture.ProviderTokenAsync("provider-tom-in-de-buurt")).GetAsync("/api/outcomes/results?period=2025-Q1");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task A_provider_reads_the_results_of_its_own_contract_and_another_provider_reads_nothing_of_it()
    {
        var request = new GetMyResultsRequest { Period = "2025-Q1", ContractId = _contract.ContractId.ToString() };

        var tom = await (await fixture.ProviderClientAsync("provider-tom-in-de-buurt")).GetMyResultsAsync(request);
        var rijnland = await (await fixture.ProviderClientAsync("provider-rijnland-jeugd")).GetMyResultsAsync(request);

        var zrm = Assert.Single(tom.Results, r => r.IndicatorCode == "zrm-improved-or-stable" && r.PopulationId == First.ToString());
        Assert.Equal((true, 0.8, 1), (zrm.HasValue, zrm.Value, zrm.DefinitionVersion));
        Assert.Empty(rijnland.Results);
    }

    [Fact]
    public async Task Staff_read_no_results_over_the_provider_api()
    {
        var error = await Assert.ThrowsAsync<RpcException>(async () =>
            await (await fixture.GrpcClientAsync("advisor.alphen")).GetMyResultsAsync(new GetMyResultsRequest { Period = "2025-Q1" }));

        Assert.Equal(StatusCode.PermissionDenied, error.StatusCode);
    }

    [Fact]
    public async Task A_period_that_is_no_quarter_or_year_is_a_validation_problem()
    {
        var response = await (await fixture.ClientForAsync("advisor.alphen")).GetAsync("/api/outcomes/results?period=2025-Q5");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("period", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
