using System.Diagnostics;
using Platform.Persistence;
using Platform.Referrals.Data;

namespace Platform.Referrals.Benchmarks;

/// <summary>
/// <c>EXPLAIN (ANALYZE, BUFFERS)</c> of the signal counts query as the service runs it. The statement is taken from
/// Npgsql's trace of one <see cref="MonitoringStore.SignalCountsAsync"/> call, so the plan is of the store's own SQL,
/// not of a copy that could drift from it.
/// </summary>
internal static class CountsPlan
{
    public static async Task<IReadOnlyList<string>> ExplainAsync(BenchDatabase bench, CallerContext caller, DateOnly from, int waitingNormDays)
    {
        string? statement = null;
        using (var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "Npgsql",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                if (activity.GetTagItem("db.query.text") is string text && text.Contains("CROSS JOIN LATERAL", StringComparison.Ordinal))
                {
                    statement = text;
                }
            },
        })
        {
            ActivitySource.AddActivityListener(listener);
            await using var session = await bench.Database.BeginAsync(caller);
            await MonitoringStore.SignalCountsAsync(session, SignalRegion.Municipality, from, waitingNormDays, CancellationToken.None);
        }

        if (statement is null)
        {
            return ["(the statement was not traced; no plan)"];
        }

        await using var explain = await bench.Database.BeginAsync(caller);
        return await explain.QueryAsync(
            "EXPLAIN (ANALYZE, BUFFERS) " + statement, r => r.GetString(0), CancellationToken.None, SignalRegion.Municipality, from, waitingNormDays);
    }
}
