using Platform.Referrals.Domain.Monitoring;

namespace Platform.Referrals.Tests.Monitoring;

/// <summary>
/// Reference values are the exact (Garwood) Poisson intervals as tabulated in the literature (e.g. O = 10:
/// 4.7954 to 18.3904 at 95%), or half the chi-square quantiles from standard tables (99.8% for 10:
/// χ²(0.001; 20) = 5.921 and χ²(0.999; 22) = 48.268).
/// </summary>
public class FunnelLimitsTests
{
    [Theory]
    [InlineData(10, 0.05, 4.7954, 18.3904)]
    [InlineData(10, 0.002, 2.9605, 24.134)]
    [InlineData(1, 0.05, 0.0253, 5.5716)]
    [InlineData(0, 0.05, 0, 3.6889)] // upper = −ln 0.025
    [InlineData(100, 0.05, 81.364, 121.627)]
    public void Count_limits_equal_the_published_exact_Poisson_intervals(double count, double alpha, double lower, double upper)
    {
        var limits = FunnelLimits.PoissonLimits(count, alpha);

        Assert.Equal(lower, limits.Lower, 0.001);
        Assert.Equal(upper, limits.Upper, 0.001);
    }

    [Theory]
    [InlineData(10, 0.05)]
    [InlineData(3, 0.002)]
    [InlineData(250, 0.002)]
    public void The_limits_are_the_means_that_put_the_count_in_a_tail(int count, double alpha)
    {
        // Summing Poisson terms checks the gamma inversion independently: P(Y ≤ k | upper) = α/2, P(Y ≥ k | lower) = α/2.
        var limits = FunnelLimits.PoissonLimits(count, alpha);

        Assert.Equal(alpha / 2, PoissonCdf(count, limits.Upper), 1e-9);
        Assert.Equal(alpha / 2, 1 - PoissonCdf(count - 1, limits.Lower), 1e-9);
    }

    [Fact]
    public void Rate_limits_are_the_count_limits_over_the_population()
    {
        // 2 per 1,000 in 5,000 inhabitants: E = 10, so the 95% limits are 4.7954 and 18.3904 referrals,
        // 0.959 and 3.678 per 1,000.
        var limits = FunnelLimits.For(2.0, 5_000);

        Assert.Equal(10, limits.Expected, 1e-12);
        Assert.Equal(0.95908, limits.Rates95!.Lower, 0.0001);
        Assert.Equal(3.67808, limits.Rates95.Upper, 0.0001);
        Assert.Equal(4.8268, limits.Rates998!.Upper, 0.001);
    }

    [Theory]
    [InlineData(25, FunnelPosition.BeyondUpper998)]
    [InlineData(19, FunnelPosition.BetweenUpper95And998)]
    [InlineData(18, FunnelPosition.Within95)]
    [InlineData(10, FunnelPosition.Within95)]
    [InlineData(5, FunnelPosition.Within95)]
    [InlineData(4, FunnelPosition.BetweenLower95And998)]
    [InlineData(2, FunnelPosition.BeyondLower998)]
    public void An_observed_count_is_placed_against_the_limits_for_E_10(long observed, FunnelPosition position) =>
        Assert.Equal(position, FunnelLimits.For(2.0, 5_000).Classify(observed));

    [Fact]
    public void Without_population_there_is_no_rate_limit() => Assert.Null(FunnelLimits.For(2.0, 0).Rates95);

    private static double PoissonCdf(int k, double mean)
    {
        double term = Math.Exp(-mean), sum = k >= 0 ? term : 0;
        for (var i = 1; i <= k; i++)
        {
            term *= mean / i;
            sum += term;
        }

        return sum;
    }
}
