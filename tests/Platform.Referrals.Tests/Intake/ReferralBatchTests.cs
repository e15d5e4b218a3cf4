using Platform.Referrals.Domain.Intake;

namespace Platform.Referrals.Tests.Intake;

public class ReferralBatchTests
{
    [Fact]
    public void A_batch_accepts_the_good_items_and_reports_the_bad_ones_by_position()
    {
        var batch = new[]
        {
            Submissions.Valid("a"),
            Submissions.Valid("b") with { NeighbourhoodCode = "XX" },
            Submissions.Valid("c"),
            Submissions.Valid("d") with { ClientReference = "123456782", Urgency = Urgency.Unspecified },
        };

        var result = ReferralBatch.Validate(batch, Submissions.Today);

        Assert.Equal([0, 2], result.Accepted.Select(a => a.Position));
        Assert.Equal([1, 3], result.Rejected.Select(r => r.Position));
        Assert.Equal(["referrals[1].neighbourhood_code"], result.Rejected[0].Violations.Select(v => v.Field));
        Assert.Equal(["referrals[3].client_reference", "referrals[3].urgency"], result.Rejected[1].Violations.Select(v => v.Field));
    }

    [Fact]
    public void The_same_referral_twice_in_a_batch_is_accepted_once()
    {
        var result = ReferralBatch.Validate([Submissions.Valid("a"), Submissions.Valid("a")], Submissions.Today);

        Assert.Equal([0], result.Accepted.Select(a => a.Position));
        Assert.Empty(result.Rejected);
    }

    [Fact]
    public void One_referral_id_with_two_contents_in_a_batch_is_refused_the_second_time()
    {
        var result = ReferralBatch.Validate(
            [Submissions.Valid("a"), Submissions.Valid("a") with { Urgency = Urgency.Crisis }], Submissions.Today);

        Assert.Equal([0], result.Accepted.Select(a => a.Position));
        Assert.Equal("referrals[1].referral_id", Assert.Single(Assert.Single(result.Rejected).Violations).Field);
    }
}
