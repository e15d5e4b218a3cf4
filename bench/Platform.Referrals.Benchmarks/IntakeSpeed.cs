using System.Diagnostics;
using Google.Protobuf;
using Platform.Provider.V1;

namespace Platform.Referrals.Benchmarks;

/// <summary>
/// Referral intake into PostgreSQL: 200,000 referrals over gRPC through the gateway (unary batches one at a time
/// and several in flight, and client streams), straight to the service, and through the service's intake in this
/// process, against a binary COPY of the same rows into a fresh database with the same schema (the limit). Every
/// path starts from an empty table and must leave exactly the 200,000 rows in it. The paths take turns within each
/// round, so a burst of other work on the machine hits one round of every path, not every round of one. The CPU
/// each process used shows where the time goes. The signal counts the intake keeps on the way are checked against a
/// rebuild from the referrals once, after the measured rounds.
/// </summary>
internal static class IntakeSpeed
{
    public const int Count = 200_000;
    public const int PerMessage = 5_000;
    public const int MessagesPerStream = 10;
    public const int InFlight = 4;
    private const double TargetPerSecond = 20_000;
    private const double TargetOfCopy = 0.5;
    private const string Truncate = "TRUNCATE referrals, status_updates, signal_counts, detection_state";

    public static async Task RunAsync(
        BenchDatabase service, BenchDatabase copy, IntakePaths paths, CopyPeer peer, IReadOnlyList<SubmitReferralsRequest> batches, int rounds, CpuMeter cpu)
    {
        (string Name, BenchDatabase Database, Func<IReadOnlyList<SubmitReferralsRequest>, Task<int>> Run)[] runs =
        [
            ("binary COPY into referrals, as the owner (the limit)", copy, b => peer.CopyAsync(b.Sum(m => m.Referrals.Count))),
            ($"in-process ReferralIntake, {PerMessage:N0} per transaction", service, paths.InProcessAsync),
            ($"gRPC StreamReferrals straight to the service, {MessagesPerStream} x {PerMessage:N0}", service, b => paths.DirectStreamAsync(b, MessagesPerStream)),
            ($"gateway: SubmitReferrals, {PerMessage:N0} per call, one at a time", service, b => paths.UnaryAsync(b, 1)),
            ($"gateway: SubmitReferrals, {PerMessage:N0} per call, {InFlight} in flight", service, b => paths.UnaryAsync(b, InFlight)),
            ($"gateway: StreamReferrals, {MessagesPerStream} x {PerMessage:N0} per stream", service, b => paths.StreamAsync(b, MessagesPerStream)),
        ];

        // Enough calls for the gateway's and the service's JIT to settle before anything is measured.
        var warmUp = batches.Take(MessagesPerStream * 2).ToList();
        foreach (var (_, database, run) in runs)
        {
            await MeasureAsync(database, run, warmUp, cpu);
        }

        var times = runs.Select(_ => new List<TimeSpan>()).ToArray();
        var used = runs.Select(_ => new CpuTime(0, 0, 0, 0)).ToArray();
        var resent = new int[runs.Length];
        var resentInWarmUp = paths.Resent;
        for (var round = 0; round < rounds; round++)
        {
            for (var i = 0; i < runs.Length; i++)
            {
                var before = paths.Resent;
                var (time, cpuTime) = await MeasureAsync(runs[i].Database, runs[i].Run, batches, cpu);
                times[i].Add(time);
                used[i] += cpuTime;
                resent[i] += paths.Resent - before;
            }
        }

        var bytes = batches.Sum(b => b.CalculateSize());
        Console.WriteLine($"Referral intake: {Count:N0} referrals of one provider in {batches.Count} messages of {PerMessage:N0} " +
            $"({bytes / 1024.0 / 1024.0:N1} MiB of protobuf); median of {rounds} rounds, each path into an empty table, checked to hold {Count:N0} rows after.");
        var rates = times.Select(t => Count / Timing.Of("", t).Median.TotalSeconds).ToArray();
        Console.WriteLine($"{"path",-66} {"referrals/s",11} {"(range)",-17} {"x COPY",6}   CPU s per 100,000: {"bench",5} {"gateway",7} {"service",7} {"postgres",8} {"total",5}  resent");
        for (var i = 0; i < runs.Length; i++)
        {
            var timing = Timing.Of(runs[i].Name, times[i]);
            var c = used[i].Per(100_000.0 / Count / rounds);
            Console.WriteLine($"{runs[i].Name,-66} {rates[i],11:N0} {$"({Count / timing.Slowest.TotalSeconds:N0}-{Count / timing.Fastest.TotalSeconds:N0})",-17} {rates[i] / rates[0],6:N2}" +
                $"                      {c.Bench,5:N2} {c.Gateway,7:N2} {c.Service,7:N2} {c.Postgres,8:N2} {c.Total,5:N2}  {resent[i],6:N0}");
        }

        Console.WriteLine($"resent: calls over all {rounds} rounds answered INTERNAL (the service's transaction failed) and sent again; " +
            $"{resentInWarmUp:N0} in the warm-up.");
        var best = Enumerable.Range(3, 3).MaxBy(i => rates[i]);
        Console.WriteLine($"targets for the gateway's gRPC intake, >= {TargetPerSecond:N0} referrals/s and >= {TargetOfCopy:N1} x COPY; " +
            $"best path, {runs[best].Name["gateway: ".Length..]}: {rates[best]:N0}/s, {rates[best] / rates[0]:N2} x COPY: " +
            $"{(rates[best] >= TargetPerSecond ? "met" : "MISSED")}, {(rates[best] / rates[0] >= TargetOfCopy ? "met" : "MISSED")}");

        // The last path of the last round went through the gateway: its referrals are still in the service's table.
        await IntakeCounts.CheckAsync(service, paths, batches, InFlight);

        // One more in-process run, traced statement by statement.
        await service.OwnerExecuteAsync(Truncate);
        var profile = await StatementProfile.MeasureAsync(() => paths.InProcessAsync(batches), "validation, scoping and building rows in this process");
        Console.WriteLine($"Where the in-process intake's time goes ({Count:N0} referrals, {batches.Count} transactions; statements as Npgsql traced them):");
        StatementProfile.Print(profile);
    }

    /// <summary>One path into an emptied table after a checkpoint; the rows it leaves are counted and must all be there.</summary>
    private static async Task<(TimeSpan Time, CpuTime Cpu)> MeasureAsync(
        BenchDatabase database, Func<IReadOnlyList<SubmitReferralsRequest>, Task<int>> run, IReadOnlyList<SubmitReferralsRequest> batches, CpuMeter cpu)
    {
        var expected = batches.Sum(b => b.Referrals.Count);
        await database.OwnerExecuteAsync(Truncate);
        await database.OwnerExecuteAsync("CHECKPOINT");
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var before = cpu.Read();
        var started = Stopwatch.GetTimestamp();
        var accepted = await run(batches);
        var elapsed = Stopwatch.GetElapsedTime(started);
        var used = cpu.Read() - before;
        var stored = await database.OwnerCountAsync("SELECT count(*) FROM referrals");
        if (accepted != expected || stored != expected)
        {
            throw new InvalidOperationException($"Intake: {expected:N0} referrals sent, {accepted:N0} reported stored, {stored:N0} rows in the table.");
        }

        return (elapsed, used);
    }
}
