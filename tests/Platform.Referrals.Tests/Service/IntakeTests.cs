using Grpc.Core;
using Platform.Hosting.Results;
using Platform.Provider.V1;
using Platform.Testing;
using static Platform.Referrals.Tests.Service.ReferralMessages;

namespace Platform.Referrals.Tests.Service;

/// <summary>platform.provider.v1.ProviderReferrals over the service's own h2c listener, with real provider tokens.</summary>
public sealed class IntakeTests(ReferralsFixture fixture) : IClassFixture<ReferralsFixture>, IAsyncLifetime
{
    private const string Tom = "provider-tom-in-de-buurt";

    public async Task InitializeAsync()
    {
        if (await fixture.AsOwnerAsync<long>("SELECT count(*) FROM populations") == 0)
        {
            await PopulationsEvents.FiguresAsync(fixture, "GM0484", ("BU04840101", 1000), ("BU04840102", 1000), ("BU04840201", 1000));
            await PopulationsEvents.ResponsibleAsync(fixture, "GM0484", "tom-in-de-buurt", ["WK048401"], ageFrom: 18);
        }
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<SubmitReferralsResponse> SubmitAsync(params ReferralSubmission[] referrals) =>
        await (await fixture.ProviderClientAsync(Tom)).SubmitReferralsAsync(Batch(referrals));

    private Task<long> StoredAsync(string idPrefix) =>
        fixture.AsOwnerAsync<long>("SELECT count(*) FROM referrals WHERE referral_id LIKE $1", idPrefix + "%")!;

    [Fact]
    public async Task The_same_batch_twice_is_stored_once()
    {
        ReferralSubmission[] batch = [Referral("twice-1"), Referral("twice-2"), Referral("twice-3", destination: DestinationType.PersonalBudget)];

        var first = await SubmitAsync(batch);
        var second = await SubmitAsync(batch);

        Assert.Equal((3, 0), (first.Accepted, first.Duplicates));
        Assert.Equal((0, 3), (second.Accepted, second.Duplicates));
        Assert.Empty(second.Rejected);
        Assert.Equal(3, await StoredAsync("twice-"));
    }

    [Fact]
    public async Task A_resubmission_with_other_content_is_refused_and_the_stored_referral_kept()
    {
        await SubmitAsync(Referral("changed-1", date: "2025-03-10"));

        var again = await SubmitAsync(Referral("changed-1", date: "2025-03-11"));

        var rejected = Assert.Single(again.Rejected);
        Assert.Equal("referrals[0].referral_id", Assert.Single(rejected.Violations).Field);
        Assert.Equal(new DateOnly(2025, 3, 10), await fixture.AsOwnerAsync<DateOnly>("SELECT referral_date FROM referrals WHERE referral_id = 'changed-1'"));
    }

    [Fact]
    public async Task Bad_items_are_reported_by_position_while_the_good_ones_are_stored()
    {
        var noNeighbourhood = Referral("bad-2", neighbourhood: "WK048401");
        var badDate = Referral("bad-3", date: "10-03-2025");
        var future = Referral("bad-4", date: DateTime.UtcNow.AddDays(3).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        var unknownCode = Referral("bad-5");
        unknownCode.ReferrerType = (ReferrerType)7;
        unknownCode.DestinationType = (DestinationType)99;

        var response = await SubmitAsync(Referral("good-1"), noNeighbourhood, badDate, future, unknownCode, Referral("good-6"));

        Assert.Equal(2, response.Accepted);
        Assert.Equal([1, 2, 3, 4], response.Rejected.Select(r => r.Position));
        Assert.Equal("bad-2", response.Rejected[0].ReferralId);
        Assert.Equal("referrals[1].neighbourhood_code", Assert.Single(response.Rejected[0].Violations).Field);
        Assert.Contains("'10-03-2025' is not a date", Assert.Single(response.Rejected[1].Violations).Description, StringComparison.Ordinal);
        Assert.Contains("future", Assert.Single(response.Rejected[2].Violations).Description, StringComparison.Ordinal);
        Assert.Equal(["referrals[4].referrer_type", "referrals[4].destination_type"], response.Rejected[3].Violations.Select(v => v.Field));
        Assert.Equal(2, await StoredAsync("good-"));
        Assert.Equal(0, await StoredAsync("bad-"));
    }

    [Fact]
    public async Task A_client_reference_that_is_a_bsn_is_refused_and_never_stored()
    {
        // 111222333 passes the eleven-test: 9·1 + 8·1 + 7·1 + 6·2 + 5·2 + 4·2 + 3·3 + 2·3 − 1·3 = 66.
        var response = await SubmitAsync(Referral("bsn-1", client: "111222333"), Referral("bsn-2", client: "111 222 333"));

        Assert.Equal(0, response.Accepted);
        Assert.All(response.Rejected, r => Assert.Equal($"referrals[{r.Position}].client_reference", Assert.Single(r.Violations).Field));
        Assert.All(response.Rejected, r => Assert.DoesNotContain("111", r.Violations[0].Description, StringComparison.Ordinal));
        Assert.Equal(0, await fixture.AsOwnerAsync<long>("SELECT count(*) FROM referrals WHERE client_reference LIKE '%111%'"));
    }

    [Fact]
    public async Task A_referral_outside_the_providers_populations_is_refused()
    {
        // Tom answers for district WK048401, ages 18 and up.
        var response = await SubmitAsync(
            Referral("scope-1", neighbourhood: "BU04840201"), Referral("scope-2", age: AgeBand._1217), Referral("scope-3", date: "2023-12-31"));

        Assert.Equal(0, response.Accepted);
        Assert.All(response.Rejected, r => Assert.Contains("in no population your organisation is responsible for", r.Violations[0].Description, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_well_formed_code_of_no_imported_neighbourhood_is_refused_and_not_counted()
    {
        // BU04849999 has the form of an Alphen neighbourhood, and lies in Tom's municipality, but CBS has no such area.
        var response = await SubmitAsync(Referral("unknown-area-1", neighbourhood: "BU04849999"), Referral("unknown-area-2"));

        Assert.Equal(1, response.Accepted);
        var rejected = Assert.Single(response.Rejected);
        var violation = Assert.Single(rejected.Violations);
        Assert.Equal(("referrals[0].neighbourhood_code", true), (violation.Field, violation.Description.Contains("BU04849999", StringComparison.Ordinal)));
        Assert.Equal(0, await fixture.AsOwnerAsync<long>("SELECT count(*) FROM referrals WHERE neighbourhood = 'BU04849999'"));
        Assert.Equal(0, await fixture.AsOwnerAsync<long>("SELECT count(*) FROM signal_counts WHERE neighbourhood = 'BU04849999'"));
    }

    [Fact]
    public async Task A_validate_only_batch_answers_as_a_submission_would_and_stores_nothing()
    {
        var before = await fixture.AsOwnerAsync<long>("SELECT count(*) FROM signal_counts");
        var batch = Batch(Referral("validate-1"), Referral("validate-2", neighbourhood: "BU04849999"));
        batch.ValidateOnly = true;

        var checkedBatch = await (await fixture.ProviderClientAsync(Tom)).SubmitReferralsAsync(batch);
        var checkedAgain = await (await fixture.ProviderClientAsync(Tom)).SubmitReferralsAsync(batch);

        Assert.Equal((1, 0), (checkedBatch.Accepted, checkedBatch.Duplicates));
        Assert.Equal("referrals[1].neighbourhood_code", Assert.Single(Assert.Single(checkedBatch.Rejected).Violations).Field);
        Assert.Equal((1, 0), (checkedAgain.Accepted, checkedAgain.Duplicates));
        Assert.Equal(0, await StoredAsync("validate-"));
        Assert.Equal(before, await fixture.AsOwnerAsync<long>("SELECT count(*) FROM signal_counts"));
    }

    [Fact]
    public async Task A_validate_only_batch_reports_a_conflict_with_a_stored_referral()
    {
        await SubmitAsync(Referral("check-conflict", date: "2025-03-10"));
        var batch = Batch(Referral("check-conflict", date: "2025-03-12"));
        batch.ValidateOnly = true;

        var answer = await (await fixture.ProviderClientAsync(Tom)).SubmitReferralsAsync(batch);

        Assert.Equal("referrals[0].referral_id", Assert.Single(Assert.Single(answer.Rejected).Violations).Field);
        Assert.Equal(new DateOnly(2025, 3, 10), await fixture.AsOwnerAsync<DateOnly>("SELECT referral_date FROM referrals WHERE referral_id = 'check-conflict'"));
    }

    [Fact]
    public async Task An_empty_batch_is_invalid()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => SubmitAsync());

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Equal("referrals", Assert.Single(error.GetFieldViolations()).Field);
    }

    [Fact]
    public async Task Only_a_provider_system_submits()
    {
        var staff = await Assert.ThrowsAsync<RpcException>(async () =>
            await (await fixture.GrpcClientAsync("advisor.alphen")).SubmitReferralsAsync(Batch(Referral("staff-1"))));
        var anonymous = await Assert.ThrowsAsync<RpcException>(async () =>
            await (await fixture.GrpcClientAsync(null)).SubmitReferralsAsync(Batch(Referral("anonymous-1"))));

        Assert.Equal(StatusCode.PermissionDenied, staff.StatusCode);
        Assert.Equal(StatusCode.Unauthenticated, anonymous.StatusCode);
        Assert.Equal(0, await StoredAsync("staff-") + await StoredAsync("anonymous-"));
    }

    [Fact]
    public async Task A_status_update_follows_the_referral_and_an_unknown_referral_is_not_found()
    {
        await SubmitAsync(Referral("status-1", date: "2025-03-10"));
        var client = await fixture.ProviderClientAsync(Tom);

        var started = await client.UpdateReferralStatusAsync(new UpdateReferralStatusRequest { ReferralId = "status-1", Status = ReferralStatus.Started, Date = "2025-03-24" });
        var again = await client.UpdateReferralStatusAsync(new UpdateReferralStatusRequest { ReferralId = "status-1", Status = ReferralStatus.Started, Date = "2025-03-24" });
        var ended = await client.UpdateReferralStatusAsync(new UpdateReferralStatusRequest
        {
            ReferralId = "status-1", Status = ReferralStatus.Ended, Date = "2025-06-01", EndReason = EndReason.OutflowToOtherDomain,
        });
        var unknown = await Assert.ThrowsAsync<RpcException>(async () =>
            await client.UpdateReferralStatusAsync(new UpdateReferralStatusRequest { ReferralId = "never-sent", Status = ReferralStatus.Started, Date = "2025-03-24" }));
        var noReason = await Assert.ThrowsAsync<RpcException>(async () =>
            await client.UpdateReferralStatusAsync(new UpdateReferralStatusRequest { ReferralId = "status-1", Status = ReferralStatus.Ended, Date = "2025-06-02" }));

        Assert.Equal((ReferralStatus.Started, true), (started.Status, started.Changed));
        Assert.False(again.Changed);
        Assert.Equal(ReferralStatus.Ended, ended.Status);
        Assert.Equal(StatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(StatusCode.InvalidArgument, noReason.StatusCode);
        Assert.Equal(2, await fixture.AsOwnerAsync<long>("SELECT count(*) FROM status_updates WHERE referral_id = 'status-1'"));
        Assert.Equal(39, await fixture.AsOwnerAsync<short>("SELECT end_reason FROM referrals WHERE referral_id = 'status-1'"));
    }

    [Fact]
    public async Task Another_provider_cannot_update_a_referral_it_did_not_submit()
    {
        await SubmitAsync(Referral("foreign-1"));
        var other = await fixture.ProviderClientAsync("provider-rijnland-jeugd");

        var error = await Assert.ThrowsAsync<RpcException>(async () =>
            await other.UpdateReferralStatusAsync(new UpdateReferralStatusRequest { ReferralId = "foreign-1", Status = ReferralStatus.Accepted, Date = "2025-03-11" }));

        Assert.Equal(StatusCode.NotFound, error.StatusCode);
        Assert.Equal(0, await fixture.AsOwnerAsync<long>("SELECT count(*) FROM status_updates WHERE referral_id = 'foreign-1'"));
    }

    [Fact]
    public async Task A_stream_counts_positions_across_messages()
    {
        var client = await fixture.ProviderClientAsync(Tom);
        using var call = client.StreamReferrals();
        await call.RequestStream.WriteAsync(Batch(Referral("stream-1"), Referral("stream-2")));
        await call.RequestStream.WriteAsync(Batch(Referral("stream-3"), Referral("stream-bad", neighbourhood: "nowhere")));
        await call.RequestStream.CompleteAsync();

        var response = await call.ResponseAsync;

        Assert.Equal(3, response.Accepted);
        var rejected = Assert.Single(response.Rejected);
        Assert.Equal((3, "stream-bad"), (rejected.Position, rejected.ReferralId));
        Assert.Equal("referrals[3].neighbourhood_code", rejected.Violations[0].Field);
    }

    [Fact]
    public async Task A_stream_broken_off_keeps_every_message_the_server_read()
    {
        var client = await fixture.ProviderClientAsync(Tom);
        using var cancel = new CancellationTokenSource();
        var call = client.StreamReferrals(cancellationToken: cancel.Token);
        await call.RequestStream.WriteAsync(Batch(Referral("broken-1"), Referral("broken-2")));

        // The first message is stored in its own transaction as soon as it is read.
        Assert.True(await Eventually.TrueAsync(async () => await StoredAsync("broken-") == 2));
        await call.RequestStream.WriteAsync(Batch(Referral("broken-3")));
        await cancel.CancelAsync();
        call.Dispose();

        // Sending everything again is safe: what was stored counts as a duplicate.
        var resent = await SubmitAsync(Referral("broken-1"), Referral("broken-2"), Referral("broken-3"));
        Assert.True(resent.Duplicates >= 2);
        Assert.Equal(3, resent.Accepted + resent.Duplicates);
        Assert.Equal(3, await StoredAsync("broken-"));
    }

    [Fact]
    public async Task A_state_resent_by_the_populations_service_scopes_a_provider_like_the_original_events()
    {
        await PopulationsEvents.FiguresAsync(fixture, "GM1884", ("BU18840101", 500));
        var population = Guid.NewGuid();
        var snapshot = new Platform.IntegrationEvents.Populations.PopulationSnapshot(
            population, "GM1884", "Jeugdteam Roelofarendsveen", "active", ["WK188401"], 0, 17, ["Jeugdwet"], [], null, new DateOnly(2024, 1, 1), null, 3);
        await fixture.PublishAsync(new Platform.IntegrationEvents.Populations.PopulationsResent(
            "GM1884", [snapshot], [new Platform.IntegrationEvents.Populations.ResponsibilitySnapshot(Guid.NewGuid(), population, "rijnland-jeugd", new DateOnly(2024, 1, 1), null)]));
        Assert.True(await Eventually.TrueAsync(async () =>
            await fixture.AsOwnerAsync<long>("SELECT count(*) FROM responsibilities WHERE population_id = $1", population) == 1));

        var jeugd = await fixture.ProviderClientAsync("provider-rijnland-jeugd");
        var response = await jeugd.SubmitReferralsAsync(Batch(Referral("resent-1", "BU18840101", age: AgeBand._1217)));

        Assert.Equal(1, response.Accepted);
        Assert.Equal(population, await fixture.AsOwnerAsync<Guid>("SELECT population_id FROM referrals WHERE referral_id = 'resent-1'"));
    }

    [Fact]
    public async Task A_batch_whose_database_connection_is_lost_is_answered_unavailable_with_nothing_stored_and_can_be_sent_again()
    {
        // The owner holds the referrals table, so the service's insert waits; then its waiting connection is cut.
        await using var owner = new Npgsql.NpgsqlConnection(fixture.DatabaseConnectionString);
        await owner.OpenAsync();
        await using var lockTransaction = await owner.BeginTransactionAsync();
        await using (var lockTable = new Npgsql.NpgsqlCommand("LOCK TABLE referrals IN ACCESS EXCLUSIVE MODE", owner, lockTransaction))
        {
            await lockTable.ExecuteNonQueryAsync();
        }

        var submitted = SubmitAsync(Referral("cut-1"), Referral("cut-2"));
        var cut = await Eventually.TrueAsync(async () => await fixture.AsOwnerAsync<long>(
            """
            SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity
            WHERE datname = current_database() AND usename = current_database() || '_app' AND wait_event_type = 'Lock'
            """) > 0, TimeSpan.FromSeconds(30));
        Assert.True(cut, "The service's insert never waited for the lock.");

        var refused = await Assert.ThrowsAsync<RpcException>(() => submitted);
        await lockTransaction.RollbackAsync();

        Assert.Equal(StatusCode.Unavailable, refused.StatusCode);
        Assert.Equal(Platform.Hosting.TransientFailures.UnavailableMessage, refused.Status.Detail);
        Assert.Equal(0, await StoredAsync("cut-"));
        var again = await SubmitAsync(Referral("cut-1"), Referral("cut-2"));
        Assert.Equal(2, again.Accepted);
    }
}
