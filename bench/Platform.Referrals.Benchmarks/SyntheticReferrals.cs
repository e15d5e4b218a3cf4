using System.Globalization;
using Platform.Provider.V1;

namespace Platform.Referrals.Benchmarks;

/// <summary>
/// Referrals as a provider system in Alphen aan den Rijn (GM0484) would send them, seeded so every run sends the
/// same ones: 500 neighbourhoods, every age band, dates from 2025 up to yesterday, pseudonymous client references
/// with letters in them (never a BSN), and a handful of referring teams.
/// </summary>
internal static class SyntheticReferrals
{
    public const string Municipality = "GM0484";

    private static readonly string[] Teams = ["Sociaal team Noord", "Sociaal team Zuid", "Jeugdteam Centrum", "Wijkteam Oudshoorn", "Huisartsenpraktijk De Baronie"];
    private static readonly ReferrerType[] Referrers =
    [
        ReferrerType.Municipality, ReferrerType.GeneralPractitioner, ReferrerType.YouthDoctor, ReferrerType.CertifiedInstitution,
        ReferrerType.MedicalSpecialist, ReferrerType.SelfReferral, ReferrerType.Justice,
    ];

    /// <summary>Neighbourhood <paramref name="index"/> of 500: BU0484, district 01-20, neighbourhood 01-25.</summary>
    public static string Neighbourhood(int index) =>
        string.Create(CultureInfo.InvariantCulture, $"BU0484{(index / 25) + 1:D2}{(index % 25) + 1:D2}");

    public static List<ReferralSubmission> Create(int count, DateOnly today, int seed = 484)
    {
        var random = new Random(seed);
        var first = new DateOnly(2025, 1, 1);
        var days = today.DayNumber - first.DayNumber; // up to yesterday
        var referrals = new List<ReferralSubmission>(count);
        for (var i = 0; i < count; i++)
        {
            referrals.Add(new ReferralSubmission
            {
                ReferralId = string.Create(CultureInfo.InvariantCulture, $"REF-{i:D7}"),
                ClientReference = string.Create(CultureInfo.InvariantCulture, $"client-{random.Next(150_000):x5}k"),
                NeighbourhoodCode = Neighbourhood(random.Next(500)),
                AgeBand = (AgeBand)random.Next(1, 8),
                ReferralDate = first.AddDays(random.Next(days)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                ReferringTeam = Teams[random.Next(Teams.Length)],
                ReferrerType = Referrers[random.Next(Referrers.Length)],
                DestinationType = (DestinationType)random.Next(1, 9),
                LifeDomain = (LifeDomain)random.Next(1, 14),
                Urgency = (Urgency)random.Next(1, 4),
            });
        }

        return referrals;
    }

    /// <summary>The referrals cut into request messages of <paramref name="perMessage"/> each.</summary>
    public static List<SubmitReferralsRequest> Batches(IEnumerable<ReferralSubmission> referrals, int perMessage) =>
        [.. referrals.Chunk(perMessage).Select(chunk =>
        {
            var request = new SubmitReferralsRequest();
            request.Referrals.Add(chunk);
            return request;
        })];
}
