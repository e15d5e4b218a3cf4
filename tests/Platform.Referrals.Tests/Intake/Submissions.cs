using Platform.Referrals.Domain.Intake;

namespace Platform.Referrals.Tests.Intake;

internal static class Submissions
{
    public static readonly DateOnly Today = new(2026, 3, 15);

    public static ReferralSubmission Valid(string id = "r-1") => new(
        id,
        "client.7f3a",
        "BU04840102",
        AgeBand.Age12To17,
        new DateOnly(2026, 3, 1),
        "Wijkteam Noord",
        ReferrerType.GeneralPractitioner,
        DestinationType.SpecialistYouthCare,
        LifeDomain.MentalHealth,
        Urgency.Regular);
}
