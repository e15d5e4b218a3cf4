namespace Platform.Outcomes.Domain;

/// <summary>The Wilson score interval of a share: sound for small numbers and for shares near 0 or 1.</summary>
internal static class WilsonInterval
{
    /// <summary>z of a two-sided 95 % interval.</summary>
    public const double Z95 = 1.959963984540054;

    public static (double Lower, double Upper) Of(int successes, int total, double z = Z95)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(successes);
        ArgumentOutOfRangeException.ThrowIfLessThan(total, successes);
        if (total == 0)
        {
            return (0, 1);
        }

        double n = total, p = successes / n, z2 = z * z;
        var centre = (p + z2 / (2 * n)) / (1 + z2 / n);
        var half = z / (1 + z2 / n) * Math.Sqrt(p * (1 - p) / n + z2 / (4 * n * n));
        return (Math.Max(0, centre - half), Math.Min(1, centre + half));
    }
}

/// <summary>
/// Funnel limits of a share against its peers: the pooled share ± z·√(p(1−p)/n) for a unit of n, at 95 % and 99.8 %.
/// A unit inside the 95 % limits differs from its peers within chance.
/// </summary>
internal static class FunnelLimits
{
    public const double Z95 = 1.959963984540054;
    public const double Z998 = 3.090232306167813;

    public static (double Lower, double Upper) Of(double pooledShare, int denominator, double z)
    {
        if (denominator <= 0)
        {
            return (0, 1);
        }

        var half = z * Math.Sqrt(pooledShare * (1 - pooledShare) / denominator);
        return (Math.Max(0, pooledShare - half), Math.Min(1, pooledShare + half));
    }

    /// <summary><c>within-chance</c>, <c>above-95</c>, <c>above-99.8</c>, <c>below-95</c> or <c>below-99.8</c>.</summary>
    public static string Position(double share, double pooledShare, int denominator)
    {
        var (lower95, upper95) = Of(pooledShare, denominator, Z95);
        var (lower998, upper998) = Of(pooledShare, denominator, Z998);
        return share > upper998 ? "above-99.8"
            : share > upper95 ? "above-95"
            : share < lower998 ? "below-99.8"
            : share < lower95 ? "below-95"
            : "within-chance";
    }
}
