using System.Diagnostics;
using Microsoft.Extensions.Options;
using Platform.Messaging.Outbox;
using Platform.Persistence;
using Platform.Persistence.Sessions;
using Platform.Referrals.Data;
using Platform.Referrals.Domain;
using Platform.Referrals.Domain.Monitoring;
using Platform.Referrals.Domain.Signals;
using Platform.Referrals.Signals;

namespace Platform.Referrals.Benchmarks;

/// <summary>
/// The signal computation of one municipality over a region-year of referrals, in this process against the
/// service's schema as the application role (row-level security on), against the target of one second. Besides
/// the whole run it times its parts, so the report says where the time goes: the SQL aggregation, the
/// denominators, and the series and detection in memory. Peers: the plainest scan of the same rows, and the
/// same counts written as three grouped scans.
/// </summary>
internal static class SignalSpeed
{
    private static readonly TimeSpan Target = TimeSpan.FromSeconds(1);
    private static readonly CallerContext Detector = CallerContext.SystemFor(SignalRegion.Municipality, "signal-detector");

    public static async Task RunAsync(BenchDatabase bench, int referrals, int runs, string planFile)
    {
        var clock = TimeProvider.System;
        var started = Stopwatch.GetTimestamp();
        await SignalRegion.StoreAsync(bench, referrals, clock.Today());
        Console.WriteLine($"Signal computation: {await bench.OwnerCountAsync("SELECT count(*) FROM referrals"):N0} referrals of {SignalRegion.Municipality} over " +
            $"{SignalRegion.Neighbourhoods} neighbourhoods and the last 12 whole months, stored by COPY as the owner in {Stopwatch.GetElapsedTime(started).TotalSeconds:N1} s.");
        var options = Options.Create(new ReferralsOptions());
        var settings = options.Value.Signals;
        using var outboxSignal = new OutboxSignal();
        var computation = new SignalComputation(new Outbox(outboxSignal), clock, options);
        var detection = new SignalDetection(bench.Database, computation, clock, options);
        var last = detection.LastWholePeriod;
        var first = ReportingPeriod.Of(last.Start.AddMonths(-settings.HistoryMonths), settings.PeriodKind);
        var ct = CancellationToken.None;

        DetectionRun? fresh = null;
        async Task FreshRunAsync()
        {
            // Never committed, so every run finds, stores and publishes the same breaches afresh.
            await using var session = await bench.Database.BeginAsync(Detector, ct);
            fresh = await computation.RunAsync(session, SignalRegion.Municipality, ct);
        }

        var freshRun = await Timing.OfAsync("SignalComputation.RunAsync, no signal stored before (rolled back)", 2, runs, FreshRunAsync);
        var profile = await StatementProfile.MeasureAsync(FreshRunAsync, "series, detection and signal JSON in this process");

        List<SignalCounts> counts = [];
        var sql = await Timing.OfAsync("  MonitoringStore.SignalCountsAsync (the SQL aggregation)", 2, runs, async () =>
            counts = await InSessionAsync(bench, s => MonitoringStore.SignalCountsAsync(s, SignalRegion.Municipality, first.Start, settings.WaitingNormDays, ct)));
        Denominators denominators = null!;
        var denominatorsRead = await Timing.OfAsync("  MonitoringStore.DenominatorsAsync", 2, runs, async () =>
            denominators = await InSessionAsync(bench, s => MonitoringStore.DenominatorsAsync(s, SignalRegion.Municipality, ct)));
        IReadOnlyList<SignalSeries> series = [];
        var build = await Timing.OfAsync("  SignalSeriesBuilder.Build (in memory)", 2, runs, () =>
        {
            series = SignalSeriesBuilder.Build(counts, denominators, first, last);
            return Task.CompletedTask;
        });
        var detect = await Timing.OfAsync("  SignalDetector.Detect, nothing known (in memory)", 2, runs, () =>
        {
            new SignalDetector(new SignalRules(settings.RisingPeriods)).Detect(series, []);
            return Task.CompletedTask;
        });

        // The service's own unit of work, committed once; after that every breach is known, as on every later run.
        var committed = await detection.RunAsync(SignalRegion.Municipality, ct);
        DetectionRun? repeat = null;
        var steady = await Timing.OfAsync("SignalDetection.RunAsync, every breach stored before (committed)", 1, runs, async () =>
            repeat = await detection.RunAsync(SignalRegion.Municipality, ct));

        var scan = await Timing.OfAsync("peer: count(*) per neighbourhood and month, one scan", 2, runs, () =>
            InSessionAsync(bench, s => s.QueryAsync(
                "SELECT neighbourhood, date_trunc('month', referral_date)::date, count(*) FROM referrals WHERE municipality = $1 GROUP BY 1, 2",
                r => r.GetInt64(2), ct, SignalRegion.Municipality)));
        List<SignalCounts> union = [];
        var unionRun = await Timing.OfAsync("peer: the same counts as three grouped scans (UNION ALL)", 2, runs, async () =>
            union = await InSessionAsync(bench, s => UnionCountsPeer.CountAsync(s, SignalRegion.Municipality, first.Start, settings.WaitingNormDays)));
        UnionCountsPeer.ExpectSame(counts, union);

        var plan = await CountsPlan.ExplainAsync(bench, Detector, first.Start, settings.WaitingNormDays);
        await File.WriteAllLinesAsync(planFile, plan);

        Console.WriteLine($"{fresh!.Series:N0} series over {first}..{last} from {counts.Count:N0} rows of counts; a first run raises {fresh.Raised:N0} signals " +
            $"and closes {fresh.Closed:N0}; the committed run raised {committed.Raised:N0}, later runs {repeat!.Raised:N0}. Median of {runs} runs; " +
            "x = against the SQL aggregation; all as the application role, row-level security on.");
        foreach (var timing in new[] { freshRun, sql, denominatorsRead, build, detect, steady, scan, unionRun })
        {
            Console.WriteLine(timing.Row(sql.Median));
        }

        Console.WriteLine($"The UNION ALL peer returned the same {union.Count:N0} rows. SQL aggregation's share of a first run: {sql.Median / freshRun.Median:P0}, " +
            $"of a later run: {sql.Median / steady.Median:P0}; aggregation/one scan: {sql.Median / scan.Median:N1}; aggregation/UNION ALL: {sql.Median / unionRun.Median:N1}.");
        Console.WriteLine("Where a first run's time goes (statements as Npgsql traced them):");
        StatementProfile.Print(profile);
        Console.WriteLine($"EXPLAIN ANALYZE of the aggregation (also in {planFile}):");
        foreach (var line in plan)
        {
            Console.WriteLine("  " + line);
        }

        var worst = freshRun.Median > steady.Median ? freshRun.Median : steady.Median;
        Console.WriteLine($"target {Target.TotalMilliseconds:N0} ms for a municipality's signal computation: {(worst <= Target ? "met" : "MISSED")} " +
            $"(first run {freshRun.Median.TotalMilliseconds:N0} ms, later runs {steady.Median.TotalMilliseconds:N0} ms, of which the SQL aggregation {sql.Median.TotalMilliseconds:N0} ms)");
    }

    private static async Task<T> InSessionAsync<T>(BenchDatabase bench, Func<DbSession, Task<T>> work)
    {
        await using var session = await bench.Database.BeginAsync(Detector);
        return await work(session);
    }
}
