namespace Platform.Outcomes.Domain;

/// <summary>How a result agreement holds a result against its norm: on unrounded values, never on a displayed figure.</summary>
internal static class NormEvaluation
{
    public const string Met = "met";
    public const string NotMet = "not-met";
    public const string InsufficientData = "insufficient-data";

    /// <summary><c>at-least</c> is met from the norm upwards (≥), <c>at-most</c> up to and including the norm (≤).</summary>
    public static string Evaluate(string comparison, decimal norm, decimal? value) => value switch
    {
        null => InsufficientData,
        { } v when comparison == "at-least" => v >= norm ? Met : NotMet,
        { } v when comparison == "at-most" => v <= norm ? Met : NotMet,
        _ => throw new ArgumentOutOfRangeException(nameof(comparison), comparison, "Either 'at-least' or 'at-most'."),
    };
}

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

/// <summary>The two readings of a ZRM progress indicator, between a client's first and last measurement of 13 domains.</summary>
internal static class ZrmReading
{
    /// <summary>The seed's literal reading: at least one domain rose or stayed equal.</summary>
    public static bool AnyDomainImprovesOrStable(IReadOnlyList<int> first, IReadOnlyList<int> last) =>
        Pairs(first, last).Any(p => p.Last >= p.First);

    /// <summary>The strict reading: no domain is lower at the last measurement.</summary>
    public static bool NoDomainDeclines(IReadOnlyList<int> first, IReadOnlyList<int> last) =>
        Pairs(first, last).All(p => p.Last >= p.First);

    private static IEnumerable<(int First, int Last)> Pairs(IReadOnlyList<int> first, IReadOnlyList<int> last)
    {
        if (first.Count != last.Count)
        {
            throw new ArgumentException("Both measurements score the same domains.", nameof(last));
        }

        return first.Zip(last);
    }
}
