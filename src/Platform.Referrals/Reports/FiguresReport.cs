using Platform.Persistence.Sessions;
using Platform.Referrals.Data;
using Platform.Referrals.Domain.Intake;
using Platform.Referrals.Domain.Monitoring;
using Platform.Referrals.Domain.Signals;

namespace Platform.Referrals.Reports;

/// <summary>A request for figures: which units, which periods, from when to when, optionally one destination.</summary>
internal sealed record FiguresQuery(string Municipality, FigureUnit Unit, PeriodKind Period, DateOnly From, DateOnly To, DestinationType? Destination);

/// <summary>Builds the figure rows of a municipality from monthly counts, denominators, waiting days and active clients.</summary>
internal static class FiguresReport
{
    /// <summary>The baselines need up to five quarters before the first period.</summary>
    private const int BaselineMonths = 15;

    public static async Task<IReadOnlyList<FigureRow>> BuildAsync(DbSession session, FiguresQuery query, CancellationToken ct)
    {
        var first = ReportingPeriod.Of(query.From, query.Period);
        var last = ReportingPeriod.Of(query.To, query.Period);
        var denominators = await MonitoringStore.DenominatorsAsync(session, query.Municipality, ct);
        var counts = await MonitoringStore.MonthlyCountsAsync(
            session, query.Municipality, query.Unit, first.Start.AddMonths(-BaselineMonths), last.End, ct);
        var destination = query.Destination is { } d ? (short?)d : null;
        var waiting = (await MonitoringStore.WaitingDaysAsync(session, query.Municipality, query.Unit, query.Period, first.Start, last.End, destination, ct))
            .ToDictionary(w => (w.Unit, w.PeriodStart), w => w.Days);
        var active = (await MonitoringStore.ActiveClientsAsync(session, query.Municipality, query.Unit, query.Period, first.Start, last.End, ct))
            .ToDictionary(a => (a.Unit, a.PeriodStart), a => a.Clients);

        var byUnitMonth = counts.GroupBy(c => c.Unit).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var rows = new List<FigureRow>();
        foreach (var (unit, unitCounts) in byUnitMonth.OrderBy(u => u.Key, StringComparer.Ordinal))
        {
            for (var period = first; period <= last; period = period.Next)
            {
                var inPeriod = unitCounts.Where(c => period.Contains(c.Month)).ToList();
                var selected = inPeriod.Where(c => destination is null || c.DestinationType == destination).Sum(c => c.Referrals);
                waiting.TryGetValue((unit, period.Start), out var days);
                if (inPeriod.Count == 0 && days is null)
                {
                    continue;
                }

                var inhabitants = Inhabitants(denominators, query.Unit, unit, period);
                var clients = active.GetValueOrDefault((unit, period.Start));
                var pgb = inPeriod.Where(c => c.DestinationType == (short)DestinationType.PersonalBudget).Sum(c => c.Referrals);
                rows.Add(new FigureRow(
                    query.Unit.ToString().ToLowerInvariant(),
                    unit,
                    query.Unit == FigureUnit.Population && Guid.TryParse(unit, out var id) ? denominators.NameOf(id) : unit,
                    period.ToString(),
                    period.Start,
                    period.End,
                    selected,
                    inhabitants,
                    Rate(selected, inhabitants),
                    clients,
                    Rates.PerActiveClient(selected, clients),
                    inPeriod.Where(c => SignalKinds.ForDestination((DestinationType)c.DestinationType) == SignalKind.CostShifting).Sum(c => c.Referrals),
                    pgb,
                    Rate(pgb, inhabitants),
                    days?.Length ?? 0,
                    days is { Length: > 0 } ? Quantiles.NearestRank(days, 0.5) : null,
                    days is { Length: > 0 } ? Quantiles.NearestRank(days, 0.9) : null,
                    YearEarlierRate(denominators, query, unit, unitCounts, period, destination),
                    TrailingRate(denominators, query, unit, unitCounts, period, destination),
                    inPeriod.GroupBy(c => ((DestinationType)c.DestinationType).ToString()).ToDictionary(g => g.Key, g => g.Sum(c => c.Referrals))));
            }
        }

        return rows;
    }

    public static long? Inhabitants(Denominators denominators, FigureUnit unit, string id, ReportingPeriod period) => unit switch
    {
        FigureUnit.Population => Guid.TryParse(id, out var populationId) ? denominators.InhabitantsOfPopulation(populationId, period) : null,
        FigureUnit.Provider => denominators.InhabitantsOfProvider(id, period),
        _ => denominators.InhabitantsOfArea(id, period),
    };

    private static double? Rate(long count, long? inhabitants) =>
        inhabitants is { } n ? Rates.PerThousandInhabitants(count, n) : null;

    private static double? YearEarlierRate(
        Denominators denominators, FiguresQuery query, string unit, List<MonthlyCount> counts, ReportingPeriod period, short? destination)
    {
        var earlier = period.SameLastYear;
        var count = counts.Where(c => earlier.Contains(c.Month) && (destination is null || c.DestinationType == destination)).Sum(c => c.Referrals);
        return Rate(count, Inhabitants(denominators, query.Unit, unit, earlier));
    }

    private static double? TrailingRate(
        Denominators denominators, FiguresQuery query, string unit, List<MonthlyCount> counts, ReportingPeriod period, short? destination)
    {
        var quarters = period.TrailingFourQuarters();
        var count = counts.Where(c => quarters.Any(q => q.Contains(c.Month)) && (destination is null || c.DestinationType == destination)).Sum(c => c.Referrals);
        return Rate(count, Inhabitants(denominators, query.Unit, unit, quarters[^1])) is { } yearly ? yearly * (int)period.Kind / 12 : null;
    }
}
