namespace Platform.Referrals.Domain.Monitoring;

/// <summary>A unit compared (area, population or provider): its count in the period and its denominator.</summary>
public sealed record UnitCount(string Unit, long Observed, long Population);

/// <summary>A unit's place among its peers.</summary>
public sealed record UnitPosition(string Unit, long Observed, long Population, double? Rate, FunnelLimits Limits, FunnelPosition Position);

/// <summary>The pooled peer rate and every unit's position against it.</summary>
public sealed record PeerComparisonResult(double? PooledRate, IReadOnlyList<UnitPosition> Units);

/// <summary>Compares units with their peers in a funnel plot ("vergelijking met vergelijkbare gebieden").</summary>
public static class PeerComparison
{
    /// <summary>
    /// The pooled rate is Σ observed / Σ population (per <paramref name="scale"/>), so large units weigh as much
    /// as they hold; each unit's expected count is that rate times its own population. A unit is part of its own
    /// peer group, as in the usual funnel plot against the overall rate.
    /// </summary>
    public static PeerComparisonResult Compare(IReadOnlyCollection<UnitCount> units, double scale = 1000)
    {
        ArgumentNullException.ThrowIfNull(units);
        var observed = units.Sum(u => u.Observed);
        var population = units.Sum(u => u.Population);
        if (population == 0)
        {
            return new PeerComparisonResult(null, []);
        }

        var pooled = observed * scale / population;
        var positions = units
            .Select(u =>
            {
                var limits = FunnelLimits.For(pooled, u.Population, scale);
                var rate = u.Population == 0 ? (double?)null : u.Observed * scale / u.Population;
                return new UnitPosition(u.Unit, u.Observed, u.Population, rate, limits, limits.Classify(u.Observed));
            })
            .ToList();
        return new PeerComparisonResult(pooled, positions);
    }
}
