using Platform.Persistence.Sessions;
using Platform.Referrals.Data;

namespace Platform.Referrals.Benchmarks;

/// <summary>
/// The signal counts written another way: the three kinds of event (referral, ending with code 39, start) as three
/// grouped scans joined by UNION ALL, months truncated on <c>timestamp</c> rather than <c>timestamptz</c>, instead
/// of one scan expanded three-fold by a lateral VALUES list. The run checks it returns exactly the store's rows.
/// </summary>
internal static class UnionCountsPeer
{
    private const string Query = """
        SELECT neighbourhood, population_id, provider_id, month,
               sum(cost_shifting)::bigint, sum(personal_budget)::bigint, sum(started)::bigint, sum(waited_long)::bigint
        FROM (
            SELECT neighbourhood, population_id, provider_id, date_trunc('month', referral_date::timestamp)::date AS month,
                   count(*) FILTER (WHERE destination_type IN (2, 3, 4, 6, 7)) AS cost_shifting,
                   count(*) FILTER (WHERE destination_type = 5) AS personal_budget, 0 AS started, 0 AS waited_long
            FROM referrals WHERE municipality = $1 AND referral_date >= $2
            GROUP BY 1, 2, 3, 4
            UNION ALL
            SELECT neighbourhood, population_id, provider_id, date_trunc('month', ended_on::timestamp)::date, count(*), 0, 0, 0
            FROM referrals WHERE municipality = $1 AND end_reason = 39 AND ended_on >= $2
            GROUP BY 1, 2, 3, 4
            UNION ALL
            SELECT neighbourhood, population_id, provider_id, date_trunc('month', started_on::timestamp)::date, 0, 0,
                   count(*), count(*) FILTER (WHERE started_on - referral_date > $3)
            FROM referrals WHERE municipality = $1 AND started_on >= $2
            GROUP BY 1, 2, 3, 4
        ) AS events
        GROUP BY 1, 2, 3, 4
        """;

    public static Task<List<SignalCounts>> CountAsync(DbSession session, string municipality, DateOnly from, int waitingNormDays) =>
        session.QueryAsync(
            Query,
            r => new SignalCounts(r.GetString(0), r.GetGuid(1), r.GetString(2), r.GetFieldValue<DateOnly>(3),
                r.GetInt64(4), r.GetInt64(5), r.GetInt64(6), r.GetInt64(7)),
            CancellationToken.None, municipality, from, waitingNormDays);

    /// <summary>Throws unless both return the same rows, in any order.</summary>
    public static void ExpectSame(IReadOnlyList<SignalCounts> store, IReadOnlyList<SignalCounts> peer)
    {
        var expected = store.ToHashSet();
        var found = peer.ToHashSet();
        if (!found.SetEquals(expected) || found.Count != peer.Count)
        {
            throw new InvalidOperationException(
                $"The UNION ALL counts and MonitoringStore.SignalCountsAsync disagree: {found.Except(expected).Count()} rows only in the peer, " +
                $"{expected.Except(found).Count()} only in the store.");
        }
    }
}
