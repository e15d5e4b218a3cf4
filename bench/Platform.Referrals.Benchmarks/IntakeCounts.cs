using System.Globalization;
using Platform.Persistence;
using Platform.Provider.V1;
using Platform.Referrals.Data;
using Platform.Referrals.Domain;
using Platform.Security;

namespace Platform.Referrals.Benchmarks;

/// <summary>
/// Whether the signal counts the intake keeps are the counts the detector's rebuild makes from the referrals. After
/// the referrals went through the gateway, status updates for some of them go the same way (starts on both sides of
/// the waiting norm, then endings with JZ588 code 39 and 31), so every column of <c>signal_counts</c> is written by
/// the service; then the rebuild runs in a transaction that is rolled back, and both sets of rows must be equal.
/// </summary>
internal static class IntakeCounts
{
    /// <summary>The norm the service runs with and the rebuild uses.</summary>
    public static readonly int WaitingNormDays = new SignalOptions().WaitingNormDays;

    private const int Started = 2_000;

    public static async Task CheckAsync(BenchDatabase service, IntakePaths paths, IReadOnlyList<SubmitReferralsRequest> batches, int inFlight)
    {
        var (starts, ends) = StatusUpdates(batches, TimeProvider.System.Today().AddDays(-1));
        var resent = paths.Resent;
        await paths.UpdateStatusAsync(starts, inFlight);
        await paths.UpdateStatusAsync(ends, inFlight);
        resent = paths.Resent - resent;

        await using var session = await service.Database.BeginAsync(CallerContext.SystemFor(SyntheticReferrals.Municipality, "signal-detector"));
        var kept = await MonitoringStore.SignalCountsAsync(session, SyntheticReferrals.Municipality, DateOnly.MinValue, CancellationToken.None);
        await MonitoringStore.RebuildSignalCountsAsync(session, SyntheticReferrals.Municipality, WaitingNormDays, CancellationToken.None);
        var rebuilt = await MonitoringStore.SignalCountsAsync(session, SyntheticReferrals.Municipality, DateOnly.MinValue, CancellationToken.None);

        var onlyKept = kept.Except(rebuilt).Count();
        var onlyRebuilt = rebuilt.Except(kept).Count();
        var same = onlyKept + onlyRebuilt == 0 && kept.Count == rebuilt.Count;
        Console.WriteLine($"signal_counts as the intake kept them after the gateway's last round and {starts.Count:N0} starts and {ends.Count:N0} endings " +
            $"through the gateway, {inFlight} in flight ({resent:N0} resent): {kept.Count:N0} rows, {kept.Sum(c => c.CostShifting):N0} cost shifting, {kept.Sum(c => c.PersonalBudget):N0} PGB, " +
            $"{kept.Sum(c => c.Started):N0} started, {kept.Sum(c => c.WaitedLong):N0} waited over {WaitingNormDays} days; " +
            $"RebuildSignalCountsAsync (rolled back): {rebuilt.Count:N0} rows, {(same ? "the same" : "DIFFERENT")}.");
        if (!same)
        {
            throw new InvalidOperationException(
                $"The intake's signal counts and a rebuild from the referrals disagree: {onlyKept:N0} rows only as kept, {onlyRebuilt:N0} only as rebuilt.");
        }
    }

    /// <summary>
    /// The first referrals start 0 to 119 days after their referral (never after yesterday); every second of them
    /// ends 0 to 59 days later, half of those with code 39 (outflow to another domain), half with 31 (as planned).
    /// </summary>
    private static (List<UpdateReferralStatusRequest> Starts, List<UpdateReferralStatusRequest> Ends) StatusUpdates(
        IReadOnlyList<SubmitReferralsRequest> batches, DateOnly last)
    {
        var starts = new List<UpdateReferralStatusRequest>(Started);
        var ends = new List<UpdateReferralStatusRequest>(Started / 2);
        foreach (var (r, i) in batches.SelectMany(b => b.Referrals).Take(Started).Select((r, i) => (r, i)))
        {
            var referred = DateOnly.ParseExact(r.ReferralDate, "yyyy-MM-dd", CultureInfo.InvariantCulture);
            var started = Earliest(referred.AddDays(i * 7 % 120), last);
            starts.Add(new UpdateReferralStatusRequest { ReferralId = r.ReferralId, Status = ReferralStatus.Started, Date = Text(started) });
            if (i % 2 == 0)
            {
                ends.Add(new UpdateReferralStatusRequest
                {
                    ReferralId = r.ReferralId, Status = ReferralStatus.Ended, Date = Text(Earliest(started.AddDays(i % 60), last)),
                    EndReason = i % 4 == 0 ? EndReason.OutflowToOtherDomain : EndReason.AsPlanned,
                });
            }
        }

        return (starts, ends);
    }

    private static DateOnly Earliest(DateOnly a, DateOnly b) => a < b ? a : b;

    private static string Text(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
