using Platform.Provider.V1;

namespace Platform.Referrals.Tests.Service;

/// <summary>Well-formed referrals to start from.</summary>
internal static class ReferralMessages
{
    public static ReferralSubmission Referral(
        string id, string neighbourhood = "BU04840101", string date = "2025-03-10",
        DestinationType destination = DestinationType.SupplementaryCareCategory, string? client = null, AgeBand age = AgeBand._2364) => new()
        {
            ReferralId = id,
            ClientReference = client ?? $"client-{id}",
            NeighbourhoodCode = neighbourhood,
            AgeBand = age,
            ReferralDate = date,
            ReferringTeam = "Sociaal team Centrum",
            ReferrerType = ReferrerType.GeneralPractitioner,
            DestinationType = destination,
            LifeDomain = LifeDomain.Finances,
            Urgency = Urgency.Regular,
        };

    public static SubmitReferralsRequest Batch(params ReferralSubmission[] referrals)
    {
        var request = new SubmitReferralsRequest();
        request.Referrals.Add(referrals);
        return request;
    }
}
