using Platform.Referrals.Domain.Intake;

namespace Platform.Referrals.Tests.Intake;

public class ReferralLifecycleTests
{
    private static readonly DateOnly Referred = new(2026, 3, 1);

    private static StatusUpdate Update(ReferralStatus status, int day, EndReason? reason = null) =>
        new("r-1", status, new DateOnly(2026, 3, day), reason);

    private static ReferralLifecycle Through(params StatusUpdate[] updates) =>
        updates.Aggregate(new ReferralLifecycle(Referred, []), (lifecycle, u) => lifecycle.Apply(u).Value!.Lifecycle);

    [Fact]
    public void A_referral_goes_from_accepted_through_waiting_and_started_to_ended()
    {
        var lifecycle = Through(
            Update(ReferralStatus.Accepted, 2), Update(ReferralStatus.Waiting, 2),
            Update(ReferralStatus.Started, 9), Update(ReferralStatus.Ended, 14, EndReason.OutflowToOtherDomain));

        Assert.Equal(ReferralStatus.Ended, lifecycle.Current);
        Assert.Equal(new DateOnly(2026, 3, 9), lifecycle.StartedOn);
        Assert.Equal(EndReason.OutflowToOtherDomain, lifecycle.Ending!.Reason);
    }

    [Fact]
    public void The_same_update_twice_changes_nothing()
    {
        var lifecycle = Through(Update(ReferralStatus.Started, 9));

        var again = lifecycle.Apply(Update(ReferralStatus.Started, 9));

        Assert.False(again.Value!.Changed);
        Assert.Single(again.Value.Lifecycle.History);
    }

    [Fact]
    public void Help_cannot_start_after_it_ended()
    {
        var lifecycle = Through(Update(ReferralStatus.Started, 3), Update(ReferralStatus.Ended, 5, EndReason.AsPlanned));

        Assert.Equal("status", Assert.Single(lifecycle.Apply(Update(ReferralStatus.Started, 6)).Violations).Field);
    }

    [Fact]
    public void Help_that_never_started_cannot_end() =>
        Assert.False(Through(Update(ReferralStatus.Accepted, 2)).Apply(Update(ReferralStatus.Ended, 4, EndReason.AsPlanned)).IsValid);

    [Fact]
    public void Started_help_ends_rather_than_being_cancelled() =>
        Assert.False(Through(Update(ReferralStatus.Started, 2)).Apply(Update(ReferralStatus.Cancelled, 4)).IsValid);

    [Fact]
    public void A_status_dated_before_the_referral_is_invalid()
    {
        var result = new ReferralLifecycle(Referred, []).Apply(new StatusUpdate("r-1", ReferralStatus.Accepted, Referred.AddDays(-1), null));

        Assert.Equal("date", Assert.Single(result.Violations).Field);
    }

    [Fact]
    public void A_status_dated_before_the_previous_one_is_invalid() =>
        Assert.Equal("referrals[0].date",
            Assert.Single(Through(Update(ReferralStatus.Waiting, 8)).Apply(Update(ReferralStatus.Started, 7), "referrals[0]").Violations).Field);

    [Fact]
    public void An_end_needs_a_reason_and_nothing_else_has_one()
    {
        var noReason = StatusUpdateValidation.Validate(new StatusUpdateSubmission("r-1", ReferralStatus.Ended, Referred), Submissions.Today);
        var needless = StatusUpdateValidation.Validate(new StatusUpdateSubmission("r-1", ReferralStatus.Started, Referred, EndReason.AsPlanned), Submissions.Today);
        var unknown = StatusUpdateValidation.Validate(new StatusUpdateSubmission("r-1", ReferralStatus.Ended, Referred, (EndReason)35), Submissions.Today);

        Assert.Equal("reason", Assert.Single(noReason.Violations).Field);
        Assert.Equal("reason", Assert.Single(needless.Violations).Field);
        Assert.Equal("reason", Assert.Single(unknown.Violations).Field);
    }

    [Fact]
    public void A_status_update_needs_an_id_a_status_and_a_date_not_in_the_future()
    {
        var result = StatusUpdateValidation.Validate(new StatusUpdateSubmission(null, ReferralStatus.Unspecified, null), Submissions.Today);
        var future = StatusUpdateValidation.Validate(new StatusUpdateSubmission("r-1", ReferralStatus.Accepted, Submissions.Today.AddDays(1)), Submissions.Today);

        Assert.Equal(["referral_id", "status", "date"], result.Violations.Select(v => v.Field));
        Assert.Equal("date", Assert.Single(future.Violations).Field);
    }
}
