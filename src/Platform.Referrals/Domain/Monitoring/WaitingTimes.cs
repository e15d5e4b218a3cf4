namespace Platform.Referrals.Domain.Monitoring;

/// <summary>Waiting times ("wachttijd") in days from referral to the start of help, summarised.</summary>
public sealed record WaitingTimeSummary(int Count, int MedianDays, int P90Days);

public static class WaitingTimes
{
    /// <summary>
    /// The median and 90th percentile of the days from referral to start, by nearest rank (see
    /// <see cref="Quantiles.NearestRank"/>), so each figure is a waiting time some client really had; null when
    /// no referral started.
    /// </summary>
    public static WaitingTimeSummary? Summarise(IEnumerable<(DateOnly Referred, DateOnly Started)> referrals)
    {
        ArgumentNullException.ThrowIfNull(referrals);
        var days = referrals.Select(r => r.Started.DayNumber - r.Referred.DayNumber).ToArray();
        if (days.Length == 0)
        {
            return null;
        }

        Array.Sort(days);
        return new WaitingTimeSummary(days.Length, Quantiles.NearestRank(days, 0.5), Quantiles.NearestRank(days, 0.9));
    }
}

public static class Quantiles
{
    /// <summary>
    /// The nearest-rank quantile of sorted values: the value at rank ⌈p·n⌉ (1-based), the smallest value with at
    /// least a share p of all values at or below it. "90% waited at most this long" then holds literally, and
    /// the result never lies between two observations. For an even count the median is the lower middle value.
    /// </summary>
    public static int NearestRank(IReadOnlyList<int> sorted, double p)
    {
        ArgumentNullException.ThrowIfNull(sorted);
        ArgumentOutOfRangeException.ThrowIfZero(sorted.Count);
        if (p is <= 0 or > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(p), p, "A quantile lies in (0, 1].");
        }

        // Rounding guards against 0.9·10 coming out as 9.000000000000002 and taking rank 10.
        var rank = (int)Math.Ceiling(Math.Round(p * sorted.Count, 9));
        return sorted[Math.Max(rank, 1) - 1];
    }
}
