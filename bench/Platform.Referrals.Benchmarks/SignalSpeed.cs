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
using Platform.Security;

namespace Platform.Referrals.Benchmarks;

/// <summary>
/// The signals of one municipality over a region-year of referrals, in this process against the service's schema as
/// the detector (row-level security on). The referrals are stored by COPY, past the intake, so there are no signal
/// counts yet: first the one-off rebuild of the counts from the referrals, as after a change of the waiting norm;
/// then the computation as it runs from then on, reading the counts, against the target of one second, with its
/// parts timed apart. The peer is the plainest scan of the same referrals: what any computation from the referrals
/// themselves would at least cost.
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
        Console.WriteLine($"Signals: {await bench.OwnerCountAsync("SELECT count(*) FROM referrals"):N0} referrals of {SignalRegion.Municipality} over " +
            $"{SignalRegion.Neighbourhoods} neighbourhoods and the last 12 whole months, stored by COPY as the owner in {Stopwatch.GetElapsedTime(started).TotalSeconds:N1} s; " +
            $"{await bench.OwnerCountAsync("SELECT count(*) FROM signal_counts"):N0} rows of signal counts.");
        var options = Options.Create(new ReferralsOptions());
        var settings = options.Value.Signals;
        using var outboxSignal = new OutboxSignal();
        var computation = new SignalComputation(new Outbox(outboxSignal), clock, options);
        var detection = new SignalDetection(bench.Database, computation, clock, options);
        var last = detection.LastWholePeriod;
        var first = ReportingPeriod.Of(last.Start.AddMonths(-settings.HistoryMonths), settings.PeriodKind);
        var norm = settings.WaitingNormDays;
        var ct = CancellationToken.None;

        var scan = await Timing.OfAsync("peer: one count(*) scan of the referrals by neighbourhood, month", 2, runs, () =>
            InSessionAsync(bench, s => s.QueryAsync(
                "SELECT neighbourhood, date_trunc('month', referral_date)::date, count(*) FROM referrals WHERE municipality = $1 GROUP BY 1, 2",
                r => r.GetInt64(2), ct, SignalRegion.Municipality)));

        // 1. The one-off rebuild, rolled back: every run starts from the empty table the COPY left, vacuumed of the last run's rows.
        var rebuild = await Timing.OfAsync("MonitoringStore.RebuildSignalCountsAsync (rolled back)", 1, runs,
            () => InSessionAsync(bench, async s =>
            {
                await MonitoringStore.RebuildSignalCountsAsync(s, SignalRegion.Municipality, norm, ct);
                return true;
            }),
            () => bench.OwnerExecuteAsync("VACUUM signal_counts"));
        var plan = await QueryPlans.ExplainAsync(
            bench, Detector, s => MonitoringStore.RebuildSignalCountsAsync(s, SignalRegion.Municipality, norm, ct), SignalRegion.Municipality, norm);

        // The counts committed, and analysed as autovacuum would before long; the norm they were built with is not recorded yet.
        await using (var session = await bench.Database.BeginAsync(Detector, ct))
        {
            await MonitoringStore.RebuildSignalCountsAsync(session, SignalRegion.Municipality, norm, ct);
            await session.CommitAsync(ct);
        }

        await bench.OwnerExecuteAsync("VACUUM ANALYZE signal_counts");

        // 2. The computation from the counts.
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
        var read = await Timing.OfAsync("  MonitoringStore.SignalCountsAsync (reads signal_counts)", 2, runs, async () =>
            counts = await InSessionAsync(bench, s => MonitoringStore.SignalCountsAsync(s, SignalRegion.Municipality, first.Start, ct)));
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
        plan = [.. plan, .. await QueryPlans.ExplainAsync(
            bench, Detector, s => MonitoringStore.SignalCountsAsync(s, SignalRegion.Municipality, first.Start, ct), SignalRegion.Municipality, first.Start)];

        // The service's own unit of work, committed once: no norm is recorded, so it rebuilds the existing counts first,
        // as after a change of the norm. After it every breach is known and the norm recorded, as on every later run.
        started = Stopwatch.GetTimestamp();
        var committed = await detection.RunAsync(SignalRegion.Municipality, ct);
        var firstDetection = Timing.Of("SignalDetection.RunAsync, rebuild first, signals stored (once)", [Stopwatch.GetElapsedTime(started)]);
        DetectionRun? repeat = null;
        var steady = await Timing.OfAsync("SignalDetection.RunAsync, every breach stored before (committed)", 1, runs, async () =>
            repeat = await detection.RunAsync(SignalRegion.Municipality, ct));

        await File.WriteAllLinesAsync(planFile, plan);

        Console.WriteLine($"{counts.Count:N0} rows of counts from {first} on; {fresh!.Series:N0} series over {first}..{last}; a first run raises {fresh.Raised:N0} signals " +
            $"and closes {fresh.Closed:N0}; the committed run raised {committed.Raised:N0}, later runs {repeat!.Raised:N0}. Median of {runs} runs; " +
            "x = against the one scan of the referrals; all as the detector, row-level security on.");
        Console.WriteLine("Once, for counts built with no or another waiting norm:");
        foreach (var timing in new[] { rebuild, firstDetection, scan })
        {
            Console.WriteLine(timing.Row(scan.Median));
        }

        Console.WriteLine("From then on, with the counts kept by the intake:");
        foreach (var timing in new[] { freshRun, read, denominatorsRead, build, detect, steady })
        {
            Console.WriteLine(timing.Row(scan.Median));
        }

        Console.WriteLine($"rebuild/one scan: {rebuild.Median / scan.Median:N1}; SignalCountsAsync's share of a first run: {read.Median / freshRun.Median:P0}, " +
            $"of a later run: {read.Median / steady.Median:P0}.");
        Console.WriteLine("Where a first run's time goes (statements as Npgsql traced them):");
        StatementProfile.Print(profile);
        Console.WriteLine($"EXPLAIN ANALYZE of the rebuild's statements and of SignalCountsAsync (also in {planFile}):");
        foreach (var line in plan)
        {
            Console.WriteLine("  " + line);
        }

        var worst = freshRun.Median > steady.Median ? freshRun.Median : steady.Median;
        Console.WriteLine($"target {Target.TotalMilliseconds:N0} ms for a municipality's signal computation: {(worst <= Target ? "met" : "MISSED")} " +
            $"(first run {freshRun.Median.TotalMilliseconds:N0} ms, later runs {steady.Median.TotalMilliseconds:N0} ms, of which SignalCountsAsync " +
            $"{read.Median.TotalMilliseconds:N0} ms); the one-off rebuild {rebuild.Median.TotalMilliseconds:N0} ms.");
    }

    private static async Task<T> InSessionAsync<T>(BenchDatabase bench, Func<DbSession, Task<T>> work)
    {
        await using var session = await bench.Database.BeginAsync(Detector);
        return await work(session);
    }
}
