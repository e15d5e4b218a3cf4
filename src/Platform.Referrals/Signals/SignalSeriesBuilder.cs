using Platform.Referrals.Data;
using Platform.Referrals.Domain.Monitoring;
using Platform.Referrals.Domain.Signals;

namespace Platform.Referrals.Signals;

/// <summary>
/// Turns monthly counts into one series per unit and kind of signal, with the peers' pooled rate per period.
/// Peers are the units of the same kind in the same municipality: neighbourhoods with neighbourhoods,
/// populations with populations. A unit whose denominator is unknown in a period is left out of that period.
/// </summary>
internal static class SignalSeriesBuilder
{
    private static readonly SignalKind[] Kinds = [SignalKind.CostShifting, SignalKind.PersonalBudgetOutflow, SignalKind.WaitingTime];

    public static IReadOnlyList<SignalSeries> Build(
        IReadOnlyList<SignalCounts> counts, Denominators denominators, ReportingPeriod first, ReportingPeriod last)
    {
        // The series start where the municipality's data starts: months before its first referral are no data, not
        // zeros, and a climb from them at go-live would look like a rising trend.
        if (counts.Count == 0)
        {
            return [];
        }

        var dataStart = ReportingPeriod.Of(counts.Min(c => c.Month), first.Kind);
        first = dataStart > first ? dataStart : first;
        var periods = new List<ReportingPeriod>();
        for (var p = first; p <= last; p = p.Next)
        {
            periods.Add(p);
        }

        // Observed counts per unit, kind and period; the waiting-time kind also needs its own denominator.
        var observed = new Dictionary<(MonitoredUnit Unit, SignalKind Kind, ReportingPeriod Period), long>();
        var started = new Dictionary<(MonitoredUnit Unit, ReportingPeriod Period), long>();
        foreach (var c in counts)
        {
            var period = ReportingPeriod.Of(c.Month, first.Kind);
            if (period < first || period > last)
            {
                continue;
            }

            foreach (var unit in UnitsOf(c))
            {
                Add(observed, (unit, SignalKind.CostShifting, period), c.CostShifting);
                Add(observed, (unit, SignalKind.PersonalBudgetOutflow, period), c.PersonalBudget);
                Add(observed, (unit, SignalKind.WaitingTime, period), c.WaitedLong);
                Add(started, (unit, period), c.Started);
            }
        }

        // Every neighbourhood and district with figures is a peer, also one without referrals.
        var units = observed.Keys.Select(k => k.Unit)
            .Concat(denominators.Neighbourhoods.SelectMany(n => new[] { new MonitoredUnit(UnitKind.Area, n), District(n) }))
            .Distinct().ToList();
        var population = new Dictionary<(MonitoredUnit, SignalKind, ReportingPeriod), long>();
        foreach (var unit in units)
        {
            foreach (var period in periods)
            {
                var inhabitants = Inhabitants(denominators, unit, period);
                foreach (var kind in Kinds)
                {
                    var denominator = kind == SignalKind.WaitingTime ? started.GetValueOrDefault((unit, period)) : inhabitants ?? 0;
                    if (denominator > 0)
                    {
                        population[(unit, kind, period)] = denominator;
                    }
                }
            }
        }

        var peerRates = population
            .GroupBy(p => (PeerGroup(p.Key.Item1), p.Key.Item2, p.Key.Item3))
            .ToDictionary(
                g => g.Key,
                g => g.Sum(p => observed.GetValueOrDefault(p.Key)) * 1000.0 / g.Sum(p => p.Value));

        var series = new List<SignalSeries>();
        foreach (var unit in units.OrderBy(u => u.Kind).ThenBy(u => u.Id, StringComparer.Ordinal))
        {
            foreach (var kind in Kinds)
            {
                var figures = periods
                    .Where(p => population.ContainsKey((unit, kind, p)))
                    .Select(p => new PeriodFigures(p, observed.GetValueOrDefault((unit, kind, p)), population[(unit, kind, p)], peerRates[(PeerGroup(unit), kind, p)]))
                    .ToList();
                if (figures.Count > 0)
                {
                    series.Add(new SignalSeries(unit, kind, figures));
                }
            }
        }

        return series;
    }

    private static IEnumerable<MonitoredUnit> UnitsOf(SignalCounts c)
    {
        yield return new MonitoredUnit(UnitKind.Area, c.Neighbourhood);
        yield return District(c.Neighbourhood);
        yield return new MonitoredUnit(UnitKind.Population, c.PopulationId.ToString());
        yield return new MonitoredUnit(UnitKind.Provider, c.ProviderId);
    }

    private static MonitoredUnit District(string neighbourhood) => new(UnitKind.Area, string.Concat("WK", neighbourhood.AsSpan(2, 6)));

    /// <summary>Neighbourhoods compare with neighbourhoods, districts with districts, populations with populations.</summary>
    private static string PeerGroup(MonitoredUnit unit) => unit.Kind == UnitKind.Area ? unit.Id[..2] : SignalNames.Of(unit.Kind);

    private static long? Inhabitants(Denominators denominators, MonitoredUnit unit, ReportingPeriod period) => unit.Kind switch
    {
        UnitKind.Population => denominators.InhabitantsOfPopulation(Guid.Parse(unit.Id), period),
        UnitKind.Provider => denominators.InhabitantsOfProvider(unit.Id, period),
        _ => denominators.InhabitantsOfArea(unit.Id, period),
    };

    private static void Add<TKey>(Dictionary<TKey, long> totals, TKey key, long value)
        where TKey : notnull =>
        totals[key] = totals.GetValueOrDefault(key) + value;
}
