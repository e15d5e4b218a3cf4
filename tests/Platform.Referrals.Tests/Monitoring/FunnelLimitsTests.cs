using Platform.Referrals.Domain.Monitoring;

namespace Platform.Referrals.Tests.Monitoring;

/// <summary>
/// Confidence intervals are checked against the exact (Garwood) Poisson intervals as tabulated in the literature
/// (e.g. O = 10: 4.7954 to 18.3904 at 95%), or half the chi-square quantiles from standard tables. Control limits
/// are checked against Poisson cumulative probabilities summed term by term, interpolated by hand.
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

    [Theory]
    // Poisson(10): F(3) = 0.010336, F(4) = 0.029253, so the 2.5% limit is 4 − (0.029253 − 0.025) / 0.018917 = 3.7752;
    // F(16) = 0.972958, F(17) = 0.985722, so the 97.5% limit is 17 − 0.010722 / 0.012764 = 16.1600.
    [InlineData(10, 0.05, 3.7752, 16.1600)]
    [InlineData(10, 0.002, 1.2205, 20.6620)]
    [InlineData(100, 0.05, 80.3663, 119.5809)]
    // Poisson(1): F(0) = 0.3679 already exceeds 2.5%, so the lower limit is 0.
    [InlineData(1, 0.05, 0, 2.9020)]
    [InlineData(0.08, 0.002, 0, 1.6887)]
    public void Control_limits_are_the_interpolated_Poisson_quantiles_of_E(double expected, double alpha, double lower, double upper)
    {
        var limits = FunnelLimits.PredictionLimits(expected, alpha);

        Assert.Equal(lower, limits.Lower, 0.001);
        Assert.Equal(upper, limits.Upper, 0.001);
    }

    [Fact]
    public void Rate_limits_are_the_count_limits_over_the_population()
    {
        // 2 per 1,000 in 5,000 inhabitants: E = 10, so the 95% limits are 3.7752 and 16.1600 referrals,
        // 0.7550 and 3.2320 per 1,000.
        var limits = FunnelLimits.For(2.0, 5_000);

        Assert.Equal(10, limits.Expected, 1e-12);
        Assert.Equal(0.75504, limits.Rates95!.Lower, 0.0001);
        Assert.Equal(3.23199, limits.Rates95.Upper, 0.0001);
        Assert.Equal(4.1324, limits.Rates998!.Upper, 0.001);
    }

    [Theory]
    [InlineData(21, FunnelPosition.BeyondUpper998)]
    [InlineData(17, FunnelPosition.BetweenUpper95And998)]
    [InlineData(16, FunnelPosition.Within95)]
    [InlineData(10, FunnelPosition.Within95)]
    [InlineData(4, FunnelPosition.Within95)]
    [InlineData(3, FunnelPosition.BetweenLower95And998)]
    [InlineData(1, FunnelPosition.BeyondLower998)]
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
