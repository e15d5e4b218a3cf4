namespace Platform.Outcomes.Domain;

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
