using Microsoft.Extensions.Options;
using Platform.Persistence;
using Platform.Persistence.Sessions;
using Platform.Referrals.Data;
using Platform.Referrals.Domain;
using Platform.Referrals.Domain.Monitoring;
using Platform.Security;

namespace Platform.Referrals.Signals;

/// <summary>Runs the signal computation for one municipality in its own transaction, serialised per municipality.</summary>
internal sealed class SignalDetection(Database database, SignalComputation computation, TimeProvider clock, IOptions<ReferralsOptions> options)
{
    public ReportingPeriod LastWholePeriod => ReportingPeriod.Of(clock.Today(), options.Value.Signals.PeriodKind).Previous;

    public async Task<DetectionRun> RunAsync(string municipality, CancellationToken ct)
    {
        var through = LastWholePeriod.Start;
        await using var session = await database.BeginAsync(CallerContext.SystemFor(municipality, "signal-detector"), ct);
        await DetectionStateStore.BeginRunAsync(session, municipality, ct);

        // The intake keeps the counts with the configured norm; counts built with another (or never) are rebuilt once.
        var norm = options.Value.Signals.WaitingNormDays;
        if (await DetectionStateStore.WaitingNormAsync(session, municipality, ct) != norm)
        {
            await MonitoringStore.RebuildSignalCountsAsync(session, municipality, norm, ct);
        }

        var run = await computation.RunAsync(session, municipality, ct);
        await DetectionStateStore.CompleteRunAsync(session, municipality, through, norm, ct);
        await session.CommitAsync(ct);
        return run;
    }
}

/// <summary>
/// Looks every <see cref="SignalOptions.Interval"/> for municipalities whose signals are due and computes them.
/// A failed run leaves the municipality due, so the next round tries again.
/// </summary>
internal sealed class SignalDetectionService(
    Database database, SignalDetection detection, IOptions<ReferralsOptions> options, ILogger<SignalDetectionService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.Signals.Interval);
        do
        {
            try
            {
                var due = await database.InTransactionAsync(
                    CallerContext.System("signal-detector"),
                    s => DetectionStateStore.DueAsync(s, detection.LastWholePeriod.Start, options.Value.Signals.WaitingNormDays, stoppingToken),
                    stoppingToken);
                foreach (var municipality in due)
                {
                    var run = await detection.RunAsync(municipality, stoppingToken);
                    logger.LogInformation(
                        "Signals of {Municipality}: {Series} series, {Raised} raised, {Closed} closed",
                        municipality, run.Series, run.Raised, run.Closed);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                logger.LogError(e, "Signal detection failed; it is tried again in the next round");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
