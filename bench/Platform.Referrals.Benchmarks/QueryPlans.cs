using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Platform.Persistence;
using Platform.Persistence.Sessions;
using Platform.Security;

namespace Platform.Referrals.Benchmarks;

/// <summary>
/// <c>EXPLAIN (ANALYZE, BUFFERS)</c> of every statement a store call sends, in order. The statements are taken from
/// Npgsql's trace of one call, so the plans are of the store's own SQL, not of a copy that could drift from it. The
/// traced call and the explained statements each run in a transaction that is rolled back.
/// </summary>
internal static partial class QueryPlans
{
    /// <summary>The plans of <paramref name="call"/>'s statements, each given as many of <paramref name="parameters"/> as its highest <c>$n</c>.</summary>
    public static async Task<IReadOnlyList<string>> ExplainAsync(
        BenchDatabase bench, CallerContext caller, Func<DbSession, Task> call, params object[] parameters)
    {
        var statements = new ConcurrentQueue<string>();
        await using (var traced = await bench.Database.BeginAsync(caller))
        {
            // Listening only once the session is open leaves out the statement that sets the caller context.
            using var listener = new ActivityListener
            {
                ShouldListenTo = source => source.Name == "Npgsql",
                Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
                ActivityStopped = activity =>
                {
                    if (activity.GetTagItem("db.query.text") is string text)
                    {
                        statements.Enqueue(text);
                    }
                },
            };
            ActivitySource.AddActivityListener(listener);
            await call(traced);
        }

        if (statements.IsEmpty)
        {
            return ["(no statement was traced; no plan)"];
        }

        var lines = new List<string>();
        await using var explain = await bench.Database.BeginAsync(caller);
        foreach (var statement in statements)
        {
            var words = Whitespace().Replace(statement, " ").Trim();
            lines.Add(words.Length <= 110 ? words : words[..110] + " …");
            var used = Placeholder().Matches(statement).Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).DefaultIfEmpty(0).Max();
            lines.AddRange((await explain.QueryAsync(
                "EXPLAIN (ANALYZE, BUFFERS) " + statement, r => r.GetString(0), CancellationToken.None, parameters[..used])).Select(l => "  " + l));
        }

        return lines;
    }

    [GeneratedRegex(@"\$(\d+)")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
