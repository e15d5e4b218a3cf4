using Grpc.Core;
using Platform.Hosting.Results;
using Platform.IntegrationEvents.Contracts;
using Platform.Provider.V1;
using static Platform.Outcomes.Tests.Service.ContractEvents;
using static Platform.Outcomes.Tests.Service.Measurements;

namespace Platform.Outcomes.Tests.Service;

/// <summary>platform.provider.v1.ProviderOutcomes over the service's own h2c listener, with real provider tokens.</summary>
public sealed class IntakeTests(OutcomesFixture fixture) : IClassFixture<OutcomesFixture>
{
    private async Task<SubmitMeasurementsResponse> SubmitAsync(string client, params Measurement[] measurements) =>
        await (await fixture.ProviderClientAsync(client)).SubmitMeasurementsAsync(Batch(measurements));

    private Task<long> StoredAsync(string idPrefix) =>
        fixture.AsOwnerAsync<long>("SELECT count(*) FROM measurements WHERE measurement_id LIKE $1", idPrefix + "%")!;

    private async Task<(Guid Contract, Guid Population)> TomsContractAsync()
    {
        var contract = await ActiveAsync(fixture, Alphen, Tom);
        return (contract.ContractId, contract.PopulationIds[0]);
    }

    [Fact]
    public async Task The_same_batch_twice_is_stored_once()
    {
        var (c, p) = await TomsContractAsync();
        Measurement[] batch =
        [
            Zrm("twice-1", c, p, "client-a", "2025-02-01", 3),
            Ladder("twice-2", c, p, "client-a", "2025-02-01", 2),
            Waiting("twice-3", c, p, "case-a", "2025-01-10", "2025-01-14"),
            Case("twice-4", c, p, "case-a", CaseEventType.Started, "2025-01-14"),
            Survey("twice-5", c, p, "client-satisfaction", "2025-01-01", "2025-03-31", 10, ("7", 6), ("8", 4)),
            Narrative("twice-6", c, p, "client-satisfaction", "2025-01-01", "2025-03-31", "Two new teams started in January."),
        ];

        var first = await SubmitAsync("provider-tom-in-de-buurt", batch);
        var second = await SubmitAsync("provider-tom-in-de-buurt", batch);

        Assert.Equal((6, 0), (first.Accepted, first.Duplicates));
        Assert.Empty(first.Rejected);
        Assert.Equal((0, 6), (second.Accepted, second.Duplicates));
        Assert.Equal(6, await StoredAsync("twice-"));
    }

    [Fact]
    public async Task A_resubmission_with_other_content_is_refused_and_the_original_kept()
    {
        var (c, p) = await TomsContractAsync();
        await SubmitAsync("provider-tom-in-de-buurt", Ladder("changed-1", c, p, "client-b", "2025-03-10", 2));

        var again = await SubmitAsync("provider-tom-in-de-buurt", Ladder("changed-1", c, p, "client-b", "2025-03-10", 4));

        var rejected = Assert.Single(again.Rejected);
        Assert.Equal("measurements[0].measurement_id", Assert.Single(rejected.Violations).Field);
        Assert.Equal(2, await fixture.AsOwnerAsync<int>("SELECT (content->>'rung')::int FROM measurements WHERE measurement_id = 'changed-1'"));
    }

    [Fact]
    public async Task Bad_items_are_reported_by_position_while_the_good_ones_are_stored()
    {
        var (c, p) = await TomsContractAsync();
        var badScore = Zrm("pos-bad-1", c, p, "client-c", "2025-02-01", 3);
        badScore.Zrm.Scores[2].Score = 6;
        var twelveDomains = Zrm("pos-bad-2", c, p, "client-c", "2025-02-01", 3);
        twelveDomains.Zrm.Scores.RemoveAt(12);
        var startedEarly = Waiting("pos-bad-3", c, p, "case-c", "2025-02-10", "2025-02-01");
        var noKind = new Measurement { MeasurementId = "pos-bad-4", ContractId = c.ToString(), PopulationId = p.ToString() };
        var tooMany = Survey("pos-bad-5", c, p, "client-satisfaction", "2025-01-01", "2025-03-31", 3, ("7", 2), ("8", 2));

        var response = await SubmitAsync("provider-tom-in-de-buurt",
            Ladder("pos-good-0", c, p, "client-c", "2025-02-01", 3), badScore, twelveDomains, startedEarly, noKind, tooMany, Ladder("pos-good-6", c, p, "client-d", "2025-02-01", 3));

        Assert.Equal(2, response.Accepted);
        Assert.Equal([1, 2, 3, 4, 5], response.Rejected.Select(r => r.Position));
        Assert.Equal("measurements[1].zrm.scores[2].score", Assert.Single(response.Rejected[0].Violations).Field);
        Assert.Equal("measurements[2].zrm.scores", Assert.Single(response.Rejected[1].Violations).Field);
        Assert.Equal("measurements[3].waiting_time.started_on", Assert.Single(response.Rejected[2].Violations).Field);
        Assert.Equal("measurements[4].kind", Assert.Single(response.Rejected[3].Violations).Field);
        Assert.Equal("measurements[5].survey.respondents", Assert.Single(response.Rejected[4].Violations).Field);
        Assert.Equal(2, await StoredAsync("pos-good-"));
        Assert.Equal(0, await StoredAsync("pos-bad-"));
    }

    [Theory]
    [InlineData("client", "111222333")]
    [InlineData("client", "111 222 333")]
    [InlineData("client", "clt-111.22.2333")]
    [InlineData("case", "dossier-111222333-b")]
    [InlineData("id", "m-111222333")]
    public async Task A_bsn_in_any_reference_or_id_is_refused_never_stored_and_never_echoed(string where, string value)
    {
        var (c, p) = await TomsContractAsync();
        var id = where == "id" ? value : "bsn-" + Guid.NewGuid().ToString("N");
        var measurement = where == "case"
            ? Case(id, c, p, value, CaseEventType.Started, "2025-02-01")
            : Ladder(id, c, p, where == "client" ? value : "client-e", "2025-02-01", 3);

        var response = await SubmitAsync("provider-tom-in-de-buurt", measurement);

        var rejected = Assert.Single(response.Rejected);
        Assert.Equal(0, response.Accepted);
        Assert.Contains("BSN", Assert.Single(rejected.Violations).Description, StringComparison.Ordinal);
        Assert.DoesNotContain("111", rejected.ToString(), StringComparison.Ordinal);
        Assert.Equal(0, await fixture.AsOwnerAsync<long>("SELECT count(*) FROM measurements WHERE content::text LIKE '%111%' OR measurement_id LIKE '%111%'"));
    }

    [Fact]
    public async Task A_bsn_in_a_narrative_is_refused()
    {
        var (c, p) = await TomsContractAsync();

        var response = await SubmitAsync("provider-tom-in-de-buurt",
            Narrative("bsn-narrative-1", c, p, "client-satisfaction", "2025-01-01", "2025-03-31", "Client 123456782 complained."));

        Assert.Equal("measurements[0].narrative.text", Assert.Single(Assert.Single(response.Rejected).Violations).Field);
        Assert.Equal(0, await StoredAsync("bsn-narrative-"));
    }

    [Fact]
    public async Task Another_providers_contract_or_a_population_outside_the_contract_is_refused()
    {
        var rijnland = await ActiveAsync(fixture, Kaag, RijnlandJeugd);
        var (c, _) = await TomsContractAsync();

        var response = await SubmitAsync("provider-tom-in-de-buurt",
            Ladder("scope-1", rijnland.ContractId, rijnland.PopulationIds[0], "client-f", "2025-02-01", 3),
            Ladder("scope-2", c, Guid.NewGuid(), "client-f", "2025-02-01", 3));

        Assert.Equal(0, response.Accepted);
        Assert.Equal(["measurements[0].contract_id", "measurements[1].population_id"], response.Rejected.Select(r => Assert.Single(r.Violations).Field));
        Assert.Equal(0, await StoredAsync("scope-"));
    }

    [Fact]
    public async Task A_consortium_member_reports_on_its_consortiums_contract()
    {
        var contract = new ContractSnapshot(
            Guid.NewGuid(), Kaag, "Consortium", "partnership", RijnlandJeugd, [Tom], [Guid.NewGuid()], ["jeugdwet"],
            new DateOnly(2025, 1, 1), new DateOnly(2026, 12, 31), "active", [], 1);
        await fixture.PublishAsync(new ContractActivated(Kaag, contract));
        await Platform.Testing.Eventually.TrueAsync(async () => await fixture.AsOwnerAsync<long>("SELECT count(*) FROM contracts WHERE contract_id = $1", contract.ContractId) > 0);

        var response = await SubmitAsync("provider-tom-in-de-buurt", Ladder("consortium-1", contract.ContractId, contract.PopulationIds[0], "client-g", "2025-02-01", 3));

        Assert.Equal(1, response.Accepted);
        Assert.Equal(Kaag, await fixture.AsOwnerAsync<string>("SELECT municipality FROM measurements WHERE measurement_id = 'consortium-1'"));
    }

    [Fact]
    public async Task A_stream_counts_positions_across_its_messages()
    {
        var (c, p) = await TomsContractAsync();
        using var call = (await fixture.ProviderClientAsync("provider-tom-in-de-buurt")).StreamMeasurements();

        await call.RequestStream.WriteAsync(Batch(Ladder("stream-1", c, p, "client-h", "2025-02-01", 3), Ladder("stream-2", c, p, "client-i", "2025-02-01", 3)));
        await call.RequestStream.WriteAsync(Batch(Ladder("stream-3", c, p, "client-j", "2025-02-01", 9)));
        await call.RequestStream.CompleteAsync();
        var response = await call;

        Assert.Equal(2, response.Accepted);
        Assert.Equal("measurements[2].ladder.rung", Assert.Single(Assert.Single(response.Rejected).Violations).Field);
    }

    [Fact]
    public async Task An_empty_batch_is_invalid()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => SubmitAsync("provider-tom-in-de-buurt"));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Equal("measurements", Assert.Single(error.GetFieldViolations()).Field);
    }

    [Fact]
    public async Task Only_a_provider_system_submits()
    {
        var (c, p) = await TomsContractAsync();
        var staff = await Assert.ThrowsAsync<RpcException>(async () =>
            await (await fixture.GrpcClientAsync("contracts.alphen")).SubmitMeasurementsAsync(Batch(Ladder("staff-1", c, p, "client-k", "2025-02-01", 3))));
        var anonymous = await Assert.ThrowsAsync<RpcException>(async () =>
            await (await fixture.GrpcClientAsync(null)).SubmitMeasurementsAsync(Batch(Ladder("anonymous-1", c, p, "client-k", "2025-02-01", 3))));

        Assert.Equal(StatusCode.PermissionDenied, staff.StatusCode);
        Assert.Equal(StatusCode.Unauthenticated, anonymous.StatusCode);
        Assert.Equal(0, await StoredAsync("staff-") + await StoredAsync("anonymous-"));
    }
}
