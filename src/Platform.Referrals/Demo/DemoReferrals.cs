using System.Globalization;
using Platform.Referrals.Domain.Intake;
using Platform.Referrals.Domain.Monitoring;

namespace Platform.Referrals.Demo;

/// <summary>A demo referral with what happened to it later.</summary>
internal sealed record DemoReferral(string ProviderId, ReferralSubmission Submission, IReadOnlyList<StatusUpdateSubmission> Updates);

/// <summary>The neighbourhoods a demo provider refers from, with the age bands its populations there cover.</summary>
internal sealed record DemoCatchment(string ProviderId, string Neighbourhood, double Inhabitants, IReadOnlyList<AgeBand> AgeBands, bool Youth);

/// <summary>
/// A year of plausible referrals for the demo region: about four referrals per 1,000 inhabitants a month, spread
/// over destinations as a social team would refer, with a seasonal pattern every neighbourhood shares (a dip in
/// the summer holidays) that never rises three months in a row, so steady neighbourhoods raise no signal. Two
/// neighbourhoods tell a story: in <see cref="DriftingNeighbourhood"/> referrals to specialist care under the Zvw
/// drift upward month by month over the last six (its referrals follow no season, so the drift alone moves them),
/// and in <see cref="PersonalBudgetNeighbourhood"/> outflow to a personal budget jumps eightfold for the last four. Deterministic: the same inputs give the same referrals.
/// </summary>
internal sealed class DemoReferrals(IReadOnlyList<DemoCatchment> catchments, string driftingNeighbourhood, string personalBudgetNeighbourhood)
{
    public const double ReferralsPerThousandPerMonth = 4;

    // Index 0 is January. Rises at most two months in a row, so a shared season alone never raises a trend signal.
    private static readonly double[] Season = [1.0, 1.1, 0.95, 1.05, 1.0, 0.9, 0.8, 1.05, 1.1, 1.0, 1.05, 0.9];

    private static readonly (DestinationType Destination, double Share)[] AdultMix =
    [
        (DestinationType.SupplementaryCareCategory, 0.40), (DestinationType.HealthInsuranceAct, 0.15), (DestinationType.LongTermCareAct, 0.08),
        (DestinationType.PersonalBudget, 0.10), (DestinationType.DebtHelp, 0.12), (DestinationType.OtherMunicipalDomain, 0.10), (DestinationType.Other, 0.05),
    ];

    private static readonly (DestinationType Destination, double Share)[] YouthMix =
    [
        (DestinationType.SupplementaryCareCategory, 0.40), (DestinationType.SpecialistYouthCare, 0.25), (DestinationType.HealthInsuranceAct, 0.10),
        (DestinationType.PersonalBudget, 0.10), (DestinationType.OtherMunicipalDomain, 0.10), (DestinationType.Other, 0.05),
    ];

    public string DriftingNeighbourhood { get; } = driftingNeighbourhood;

    public string PersonalBudgetNeighbourhood { get; } = personalBudgetNeighbourhood;

    /// <summary>The referrals of the twelve whole months before <paramref name="today"/>'s month, with statuses up to today.</summary>
    public IEnumerable<DemoReferral> Generate(DateOnly today)
    {
        var lastMonth = ReportingPeriod.Of(today, PeriodKind.Month).Previous;
        for (var m = 11; m >= 0; m--)
        {
            var month = ReportingPeriod.Of(lastMonth.Start.AddMonths(-m), PeriodKind.Month);
            var monthsFromEnd = m;
            foreach (var catchment in catchments)
            {
                foreach (var (destination, share) in catchment.Youth ? YouthMix : AdultMix)
                {
                    var season = catchment.Neighbourhood == DriftingNeighbourhood ? 1 : Season[month.Start.Month - 1];
                    var expected = catchment.Inhabitants * ReferralsPerThousandPerMonth / 1000 * share * season
                        * Multiplier(catchment.Neighbourhood, destination, monthsFromEnd);
                    var count = (int)Math.Round(expected, MidpointRounding.AwayFromZero);
                    for (var n = 0; n < count; n++)
                    {
                        yield return Referral(catchment, month, destination, n, today);
                    }
                }
            }
        }
    }

    private double Multiplier(string neighbourhood, DestinationType destination, int monthsFromEnd)
    {
        if (neighbourhood == DriftingNeighbourhood && destination == DestinationType.HealthInsuranceAct && monthsFromEnd < 6)
        {
            return 1 + (0.8 * (6 - monthsFromEnd));
        }

        return neighbourhood == PersonalBudgetNeighbourhood && destination == DestinationType.PersonalBudget && monthsFromEnd < 4 ? 8 : 1;
    }

    private static DemoReferral Referral(DemoCatchment catchment, ReportingPeriod month, DestinationType destination, int n, DateOnly today)
    {
        var key = string.Create(CultureInfo.InvariantCulture, $"{catchment.Neighbourhood}-{month.Start:yyyyMM}-{(int)destination}-{n}");
        var hash = StableHash(key);
        var referralDate = month.Start.AddDays(hash % 28);
        var submission = new ReferralSubmission(
            $"demo-{key}",
            $"client-{StableHash(key + "/client") % 1_000_000:D6}-x",
            catchment.Neighbourhood,
            catchment.AgeBands[hash % catchment.AgeBands.Count],
            referralDate,
            $"Sociaal team {catchment.Neighbourhood[6..8]}",
            (hash % 10) switch { < 4 => ReferrerType.Municipality, < 7 => ReferrerType.GeneralPractitioner, < 8 => ReferrerType.SelfReferral, _ => catchment.Youth ? ReferrerType.YouthDoctor : ReferrerType.MedicalSpecialist },
            destination,
            (LifeDomain)(1 + (hash % 13)),
            hash % 20 == 0 ? Urgency.Urgent : Urgency.Regular);

        // Waits of 3 to 40 days, within the 42-day norm, so the demo's waiting-time signal stays quiet.
        var updates = new List<StatusUpdateSubmission>();
        var started = referralDate.AddDays(3 + (hash / 28 % 38));
        if (started < today)
        {
            updates.Add(new StatusUpdateSubmission(submission.ReferralId, ReferralStatus.Started, started));
            var ended = started.AddDays(60 + (hash % 60));
            if (ended < today)
            {
                updates.Add(new StatusUpdateSubmission(submission.ReferralId, ReferralStatus.Ended, ended, hash % 7 == 0 ? EndReason.EarlyAgreed : EndReason.AsPlanned));
            }
        }

        return new DemoReferral(catchment.ProviderId, submission, updates);
    }

    /// <summary>FNV-1a: stable across runs and machines, unlike <see cref="string.GetHashCode()"/>.</summary>
    private static int StableHash(string text)
    {
        var hash = 2166136261u;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return (int)(hash & 0x7FFFFFFF);
    }
}
