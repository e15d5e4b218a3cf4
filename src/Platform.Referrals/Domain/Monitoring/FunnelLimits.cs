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
/// Funnel-plot control limits for a Poisson count with expected value E = target rate × population.
/// The count limits are the exact (Garwood) Poisson interval formula evaluated at E:
/// lower = ½·χ²(α/2; 2E), upper = ½·χ²(1 − α/2; 2E + 2), i.e. gamma quantiles with shapes E and E + 1. Chi-square
/// takes any positive degrees of freedom, so the funnel is smooth in the population; at a whole E the limits
/// are exactly the published exact interval for an observed count E (E = 10: 4.795 to 18.390 at 95%).
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
        return new FunnelLimits(expected, population, scale, PoissonLimits(expected, Alpha95), PoissonLimits(expected, Alpha998));
    }

    /// <summary>The exact Poisson limits for count <paramref name="count"/> at two-sided level 1 − <paramref name="alpha"/>.</summary>
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
