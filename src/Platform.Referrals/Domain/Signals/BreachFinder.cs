using Platform.Referrals.Domain.Monitoring;

namespace Platform.Referrals.Domain.Signals;

/// <summary>A stretch of periods in breach: from the period it opened to the one it closed in, or still open.</summary>
public sealed record Breach(ReportingPeriod Start, ReportingPeriod? ClosedIn, BreachReason Reason, int TriggerIndex);

/// <summary>
/// Finds the breaches in one series. A breach opens when the count lies above the upper 99.8% limit, or when
/// the rate rose <see cref="SignalRules.RisingPeriods"/> periods in a row and lies above the peer rate (a rise
/// below the peers is no shifting). It closes in the first period that is back within the upper 95% limit and
/// no longer rising: opening at 99.8% and closing at 95% keeps a unit that hovers at one limit from flapping.
/// </summary>
public static class BreachFinder
{
    public static IReadOnlyList<Breach> Find(SignalSeries series, SignalRules rules, out IReadOnlyList<SignalFigures> figures)
    {
        ArgumentNullException.ThrowIfNull(series);
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(rules.RisingPeriods);

        var periods = series.Periods.OrderBy(p => p.Period).ToList();
        var shown = new List<SignalFigures>(periods.Count);
        var breaches = new List<Breach>();
        (ReportingPeriod Start, BreachReason Reason, int Index)? open = null;
        var rises = 0;
        double? previousRate = null;
        for (var i = 0; i < periods.Count; i++)
        {
            var period = periods[i];
            var limits = period.ComputeLimits();
            shown.Add(SignalFigures.Of(period, limits));

            var rate = period.Rate;
            rises = rate is { } r && previousRate is { } before && r > before ? rises + 1 : 0;
            previousRate = rate;

            var reason = BreachReason.None;
            if (period.Observed > limits.Counts998.Upper)
            {
                reason |= BreachReason.AboveUpperLimit;
            }

            if (rises >= rules.RisingPeriods && period.Observed > limits.Expected)
            {
                reason |= BreachReason.RisingTrend;
            }

            if (open is null && reason != BreachReason.None)
            {
                open = (period.Period, reason, i);
            }
            else if (open is { } current && reason == BreachReason.None && rises == 0 && period.Observed <= limits.Counts95.Upper)
            {
                breaches.Add(new Breach(current.Start, period.Period, current.Reason, current.Index));
                open = null;
            }
        }

        if (open is { } last)
        {
            breaches.Add(new Breach(last.Start, null, last.Reason, last.Index));
        }

        figures = shown;
        return breaches;
    }
}
