using Platform.Referrals.Domain.Monitoring;

namespace Platform.Referrals.Tests.Monitoring;

public class RatesAndWaitingTimeTests
{
    [Fact]
    public void A_rate_per_thousand_inhabitants_divides_by_the_population()
    {
        Assert.Equal(2.0, Rates.PerThousandInhabitants(25, 12_500));
        Assert.Equal(0.0, Rates.PerThousandInhabitants(0, 12_500));
    }

    [Fact]
    public void A_rate_per_active_client_divides_by_the_clients() => Assert.Equal(0.25, Rates.PerActiveClient(30, 120));

    [Fact]
    public void A_rate_without_denominator_is_unknown_rather_than_zero()
    {
        Assert.Null(Rates.PerThousandInhabitants(3, 0));
        Assert.Null(Rates.PerActiveClient(0, 0));
    }

    [Fact]
    public void Median_and_p90_of_ten_waiting_times_are_the_5th_and_9th_ranked()
    {
        // Days 3,1,4,1,5,9,2,6,5,3 sorted: 1,1,2,3,3,4,5,5,6,9. Ranks ⌈0.5·10⌉ = 5 → 3 and ⌈0.9·10⌉ = 9 → 6.
        int[] days = [3, 1, 4, 1, 5, 9, 2, 6, 5, 3];
        var start = new DateOnly(2026, 1, 5);

        var summary = WaitingTimes.Summarise(days.Select(d => (start, start.AddDays(d))));

        Assert.Equal(new WaitingTimeSummary(10, 3, 6), summary);
    }

    [Fact]
    public void Median_and_p90_of_seven_waiting_times_are_the_4th_and_7th_ranked()
    {
        // 0,2,4,7,10,14,30: ranks ⌈3.5⌉ = 4 → 7 and ⌈6.3⌉ = 7 → 30.
        int[] sorted = [0, 2, 4, 7, 10, 14, 30];

        Assert.Equal(7, Quantiles.NearestRank(sorted, 0.5));
        Assert.Equal(30, Quantiles.NearestRank(sorted, 0.9));
    }

    [Fact]
    public void One_waiting_time_is_its_own_median_and_p90()
    {
        var referred = new DateOnly(2026, 2, 27);

        Assert.Equal(new WaitingTimeSummary(1, 4, 4), WaitingTimes.Summarise([(referred, new DateOnly(2026, 3, 3))]));
    }

    [Fact]
    public void No_started_referral_has_no_waiting_time() => Assert.Null(WaitingTimes.Summarise([]));
}
