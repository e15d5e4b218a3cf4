namespace Platform.Referrals.Domain.Monitoring;

/// <summary>Where a unit lies in a funnel plot ("trechterdiagram").</summary>
public enum FunnelPosition
{
    /// <summary>Below the lower 99.8% limit.</summary>
    BeyondLower998,

    /// <summary>Below the lower 95% limit but within 99.8%.</summary>
    BetweenLower95And998,

    /// <summary>Within the 95% limits: no difference beyond chance.</summary>
    Within95,

    /// <summary>Above the upper 95% limit but within 99.8%.</summary>
    BetweenUpper95And998,

    /// <summary>Above the upper 99.8% limit.</summary>
    BeyondUpper998,
}

/// <summary>A pair of limits, in counts or in rates.</summary>
public sealed record Limits(double Lower, double Upper);

/// <summary>
/// Funnel-plot control limits for a Poisson count with expected value E = target rate × population: the counts a
/// unit of that size would show by chance, the α/2 and 1 − α/2 quantiles of Poisson(E), interpolated between whole
/// counts as Spiegelhalter (2005, "Funnel plots for comparing institutional performance", appendix A.1.2) does so
/// the funnel is smooth in the population: for the quantile y, limit = y − (F(y) − p) / (F(y) − F(y − 1)).
/// E = 10 gives 3.775 to 16.160 at 95%. The exact (Garwood) interval of <see cref="PoissonLimits"/> answers
/// another question, which means could have produced an observed count, and is far too wide as a control limit
/// for small E (at E = 0.08 it would let 7 referrals pass, where Poisson(0.08) gives 2 or more once in 300).
/// </summary>
public sealed record FunnelLimits(double Expected, long Population, double Scale, Limits Counts95, Limits Counts998)
{
    /// <summary>Two-sided 95%: 2.5% in each tail.</summary>
    public const double Alpha95 = 0.05;

    /// <summary>Two-sided 99.8%: 0.1% in each tail, about three standard deviations.</summary>
    public const double Alpha998 = 0.002;

    /// <summary>Limits around <paramref name="targetRate"/> (per <paramref name="scale"/>, by default per 1,000) for a unit of <paramref name="population"/>.</summary>
    public static FunnelLimits For(double targetRate, long population, double scale = 1000)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(targetRate);
        ArgumentOutOfRangeException.ThrowIfNegative(population);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(scale);
        var expected = targetRate * population / scale;
        return new FunnelLimits(expected, population, scale, PredictionLimits(expected, Alpha95), PredictionLimits(expected, Alpha998));
    }

    /// <summary>The interpolated α/2 and 1 − α/2 quantiles of Poisson(<paramref name="expected"/>): where a count falls by chance.</summary>
    public static Limits PredictionLimits(double expected, double alpha)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(expected);
        return new Limits(InterpolatedQuantile(expected, alpha / 2), InterpolatedQuantile(expected, 1 - (alpha / 2)));
    }

    private static double InterpolatedQuantile(double mean, double p)
    {
        if (mean == 0)
        {
            return 0;
        }

        // The smallest whole y with F(y) ≥ p, by bisection over a range that surely holds it.
        long low = 0, high = (long)Math.Ceiling(mean + (12 * Math.Sqrt(mean)) + 20);
        while (low < high)
        {
            var middle = low + ((high - low) / 2);
            if (PoissonCdf(middle, mean) >= p)
            {
                high = middle;
            }
            else
            {
                low = middle + 1;
            }
        }

        var atY = PoissonCdf(low, mean);
        var belowY = low == 0 ? 0 : PoissonCdf(low - 1, mean);
        return Math.Max(0, low - ((atY - p) / (atY - belowY)));
    }

    /// <summary>P(X ≤ k) for X ~ Poisson(mean): the upper regularised gamma function Q(k + 1, mean).</summary>
    private static double PoissonCdf(long k, double mean) => 1 - GammaDistribution.LowerRegularized(k + 1, mean);

    /// <summary>
    /// The exact (Garwood) confidence interval for the mean behind an observed count <paramref name="count"/> at
    /// two-sided level 1 − <paramref name="alpha"/>: ½·χ²(α/2; 2O) to ½·χ²(1 − α/2; 2O + 2).
    /// </summary>
    public static Limits PoissonLimits(double count, double alpha)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        return new Limits(GammaDistribution.Quantile(alpha / 2, count), GammaDistribution.Quantile(1 - (alpha / 2), count + 1));
    }

    /// <summary>The 95% limits as rates per <see cref="Scale"/>; null without population.</summary>
    public Limits? Rates95 => AsRates(Counts95);

    /// <summary>The 99.8% limits as rates per <see cref="Scale"/>; null without population.</summary>
    public Limits? Rates998 => AsRates(Counts998);

    public FunnelPosition Classify(long observed) => observed switch
    {
        _ when observed > Counts998.Upper => FunnelPosition.BeyondUpper998,
        _ when observed > Counts95.Upper => FunnelPosition.BetweenUpper95And998,
        _ when observed < Counts998.Lower => FunnelPosition.BeyondLower998,
        _ when observed < Counts95.Lower => FunnelPosition.BetweenLower95And998,
        _ => FunnelPosition.Within95,
    };

    private Limits? AsRates(Limits counts) =>
        Population == 0 ? null : new Limits(counts.Lower * Scale / Population, counts.Upper * Scale / Population);
}
