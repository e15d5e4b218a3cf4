using Platform.IntegrationEvents.Referrals;
using Platform.Messaging.Outbox;
using Platform.Persistence.Sessions;
using Platform.Referrals.Data;
using Platform.Referrals.Domain;
using Platform.Referrals.Domain.Monitoring;
using Platform.Referrals.Domain.Signals;

namespace Platform.Referrals.Signals;

/// <summary>What one detection run of a municipality did.</summary>
internal sealed record DetectionRun(int Series, int Raised, int Closed);

/// <summary>
/// Computes a municipality's signals: counts per neighbourhood, district, population and provider per period,
/// each held against its peers in the municipality (the pooled rate of the same kind of unit in the same period)
/// with Poisson funnel limits, and against its own rising trend. New breaches are stored and published through
/// the outbox in the same transaction; breaches known before are not raised again.
/// </summary>
internal sealed class SignalComputation(Outbox outbox, TimeProvider clock, Microsoft.Extensions.Options.IOptions<ReferralsOptions> options)
{
    public async Task<DetectionRun> RunAsync(DbSession session, string municipality, CancellationToken ct)
    {
        var settings = options.Value.Signals;
        var kind = settings.PeriodKind;

        // Only whole periods: a period still running looks like a drop and would close a breach too early.
        var lastWhole = ReportingPeriod.Of(clock.Today(), kind).Previous;
        var first = ReportingPeriod.Of(lastWhole.Start.AddMonths(-settings.HistoryMonths), kind);

        var denominators = await MonitoringStore.DenominatorsAsync(session, municipality, ct);
        var counts = await MonitoringStore.SignalCountsAsync(session, municipality, first.Start, ct);
        var series = SignalSeriesBuilder.Build(counts, denominators, first, lastWhole);
        var known = await SignalStore.KnownAsync(session, municipality, kind, ct);
        var result = new SignalDetector(new SignalRules(settings.RisingPeriods)).Detect(series, known);

        var raised = 0;
        foreach (var signal in result.Raised)
        {
            var name = signal.Key.Unit.Kind == UnitKind.Population && Guid.TryParse(signal.Key.Unit.Id, out var id)
                ? denominators.NameOf(id) : signal.Key.Unit.Id;
            var baselines = Baselines.Of(signal.Series, signal.Trigger.Period);
            var stored = await SignalStore.InsertAsync(session, municipality, name, signal,
                new { trigger = signal.Trigger, series = signal.Series, baselines }, ct);
            if (stored is not { } signalId)
            {
                continue;
            }

            raised++;
            await outbox.AddAsync(session, new ReferralSignalRaised(
                municipality, signalId, SignalNames.Of(signal.Key.Unit.Kind), signal.Key.Unit.Id, name, SignalNames.Of(signal.Key.Kind),
                SignalNames.Of(kind), signal.Key.Start.Start, SignalNames.Of(signal.Reason), signal.Trigger.Period.Start,
                new SignalEvidence(signal.Trigger.Observed, signal.Trigger.Expected, signal.Trigger.Population, signal.Trigger.Rate,
                    signal.Trigger.PeerRate, signal.Trigger.Counts95.Upper, signal.Trigger.Counts998.Upper,
                    baselines.YearEarlierRate, baselines.TrailingFourQuartersRate)), ct);
            if (signal.ClosedIn is { } closedIn)
            {
                await outbox.AddAsync(session, new ReferralSignalClosed(municipality, signalId, closedIn.Start), ct);
            }
        }

        var closed = 0;
        foreach (var close in result.Closed.Where(c => !result.Raised.Any(r => r.Key == c.Key)))
        {
            if (await SignalStore.CloseAsync(session, municipality, close, ct) is { } signalId)
            {
                closed++;
                await outbox.AddAsync(session, new ReferralSignalClosed(municipality, signalId, close.ClosedIn.Start), ct);
            }
        }

        return new DetectionRun(series.Count, raised, closed);
    }
}

/// <summary>A signal's own baselines: the rate of the same period a year earlier and over the four quarters before.</summary>
internal sealed record Baselines(double? YearEarlierRate, double? TrailingFourQuartersRate)
{
    public static Baselines Of(IReadOnlyList<SignalFigures> series, ReportingPeriod period)
    {
        var yearEarlier = series.FirstOrDefault(f => f.Period == period.SameLastYear)?.Rate;
        var quarters = period.TrailingFourQuarters();
        var trailing = series.Where(f => quarters.Any(q => q.Contains(f.Period.Start))).ToList();
        var months = trailing.Sum(f => (int)f.Period.Kind);
        double? trailingRate = months == 12 && trailing.All(f => f.Population > 0)
            ? trailing.Sum(f => f.Observed) * 1000.0 / trailing.Average(f => f.Population) * (int)period.Kind / 12
            : null;
        return new Baselines(yearEarlier, trailingRate);
    }
}
