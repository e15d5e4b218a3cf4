using Platform.Referrals.Domain.Signals;

namespace Platform.Referrals.Tests.Signals;

public class SignalDetectorTests
{
    // Referrals to specialist care: six ordinary months, then a drift upward month by month.
    // Rises: 9→12, 12→14, 14→16 is the third in a row, above the expected 10: the breach opens in September.
    private static readonly long[] Drift = [10, 9, 11, 10, 10, 9, 12, 14, 16, 19, 22, 26];

    private static readonly SignalDetector Detector = new();

    [Fact]
    public void A_drift_upward_raises_exactly_one_signal()
    {
        var result = Detector.Detect([Series.Monthly(Drift)], []);

        var signal = Assert.Single(result.Raised);
        Assert.Equal(new BreachKey(Series.Neighbourhood, SignalKind.CostShifting, Series.Month(9)), signal.Key);
        Assert.Equal(BreachReason.RisingTrend, signal.Reason);
        Assert.Null(signal.ClosedIn);
        Assert.Empty(result.Closed);
    }

    [Fact]
    public void A_signal_carries_the_figures_that_justify_it()
    {
        var signal = Assert.Single(Detector.Detect([Series.Monthly(Drift)], []).Raised);

        Assert.Equal(16, signal.Trigger.Observed);
        Assert.Equal(10, signal.Trigger.Expected, 1e-9);
        Assert.Equal(3.2, signal.Trigger.Rate);
        Assert.Equal(16.160, signal.Trigger.Counts95.Upper, 0.001);
        Assert.Equal(20.662, signal.Trigger.Counts998.Upper, 0.001);
        Assert.Equal([10L, 9, 11, 10, 10, 9, 12, 14, 16], signal.Series.Select(f => f.Observed));
    }

    [Fact]
    public void Recomputing_the_same_figures_raises_nothing_new()
    {
        var first = Detector.Detect([Series.Monthly(Drift)], []);
        var known = first.Raised.Select(s => new KnownSignal(s.Key)).ToList();

        var again = Detector.Detect([Series.Monthly(Drift)], known);

        Assert.Empty(again.Raised);
        Assert.Empty(again.Closed);
    }

    [Fact]
    public void A_breach_that_goes_on_month_after_month_stays_one_signal()
    {
        var known = new List<KnownSignal>();
        var raised = 0;
        for (var months = 1; months <= Drift.Length; months++)
        {
            var result = Detector.Detect([Series.Monthly(Drift[..months])], known);
            raised += result.Raised.Count;
            known.AddRange(result.Raised.Select(s => new KnownSignal(s.Key)));
        }

        Assert.Equal(1, raised);
    }

    [Fact]
    public void A_stable_series_raises_none()
    {
        // Never three rises in a row, never above 20.66.
        var result = Detector.Detect([Series.Monthly(10, 9, 11, 10, 12, 9, 10, 11, 8, 10, 11, 9)], []);

        Assert.Empty(result.Raised);
    }

    [Fact]
    public void A_rise_that_stays_below_the_peers_raises_none() =>
        Assert.Empty(Detector.Detect([Series.Monthly(2, 3, 4, 5, 6, 7)], []).Raised);

    [Fact]
    public void A_breach_that_ends_and_starts_again_raises_a_second_signal()
    {
        // The drift falls back to 10 in January 2027 (within 16.16, not rising): the first breach closes. Then
        // 9, 10, 12, 15: the third rise in a row, in May 2027, opens a second breach.
        long[] twice = [.. Drift, 10, 9, 10, 12, 15];
        var first = new BreachKey(Series.Neighbourhood, SignalKind.CostShifting, Series.Month(9));

        var result = Detector.Detect([Series.Monthly(twice)], [new KnownSignal(first)]);

        var second = Assert.Single(result.Raised);
        Assert.Equal(Series.Month(17), second.Key.Start);
        Assert.Equal(new ClosedSignal(first, Series.Month(13)), Assert.Single(result.Closed));
    }

    [Fact]
    public void A_breach_already_over_when_first_seen_is_raised_once_and_closed()
    {
        long[] twice = [.. Drift, 10, 9, 10, 12, 15];

        var first = Detector.Detect([Series.Monthly(twice)], []);
        var known = first.Raised.Select(s => new KnownSignal(s.Key, s.ClosedIn)).ToList();

        Assert.Equal([Series.Month(13), null], first.Raised.Select(s => s.ClosedIn));
        Assert.Empty(Detector.Detect([Series.Monthly(twice)], known).Raised);
    }

    [Fact]
    public void A_closed_signal_is_not_closed_again()
    {
        long[] twice = [.. Drift, 10, 9, 10, 12, 15];
        KnownSignal[] known =
        [
            new(new BreachKey(Series.Neighbourhood, SignalKind.CostShifting, Series.Month(9)), Series.Month(13)),
            new(new BreachKey(Series.Neighbourhood, SignalKind.CostShifting, Series.Month(17))),
        ];

        var result = Detector.Detect([Series.Monthly(twice)], known);

        Assert.Empty(result.Raised);
        Assert.Empty(result.Closed);
    }

    [Fact]
    public void One_month_beyond_the_99_8_percent_limit_raises_one_signal_that_closes_the_next_month()
    {
        var signal = Assert.Single(Detector.Detect([Series.Monthly(10, 10, 30, 10)], []).Raised);

        Assert.Equal(BreachReason.AboveUpperLimit, signal.Reason);
        Assert.Equal(Series.Month(3), signal.Key.Start);
        Assert.Equal(Series.Month(4), signal.ClosedIn);
    }

    [Fact]
    public void Figures_that_begin_inside_a_known_breach_continue_it()
    {
        // The breach opened in March; a later run sees only June onwards, where it is still going on.
        var known = new KnownSignal(new BreachKey(Series.Neighbourhood, SignalKind.CostShifting, Series.Month(3)));

        var result = Detector.Detect([Series.From(Series.Month(6), 30, 28, 31)], [known]);

        Assert.Empty(result.Raised);
    }

    [Fact]
    public void The_number_of_rises_that_raises_a_signal_is_configurable()
    {
        var strict = new SignalDetector(new SignalRules(RisingPeriods: 2));

        Assert.Equal(Series.Month(8), Assert.Single(strict.Detect([Series.Monthly(10, 9, 11, 10, 10, 9, 12, 14)], []).Raised).Key.Start);
        Assert.Empty(Detector.Detect([Series.Monthly(10, 9, 11, 10, 10, 9, 12, 14)], []).Raised);
    }
}
