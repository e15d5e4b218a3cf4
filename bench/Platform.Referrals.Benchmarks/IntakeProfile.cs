using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Platform.Referrals.Benchmarks;

/// <summary>
/// Where the in-process intake's time goes: every statement the intake sends, from Npgsql's trace, summed by its
/// first words; the rest of the wall time is the intake's own work in this process (validation, scoping, building
/// rows) and whatever Npgsql does not trace (the binary COPY into the temporary table).
/// </summary>
internal static partial class IntakeProfile
{
    public static async Task<IReadOnlyList<(string Step, TimeSpan Time)>> MeasureAsync(Func<Task> run)
    {
        var byStatement = new ConcurrentDictionary<string, long>(StringComparer.Ordinal);
        var started = Stopwatch.GetTimestamp();
        using (var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "Npgsql",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity => byStatement.AddOrUpdate(
                Label(activity.GetTagItem("db.query.text") as string ?? activity.DisplayName), activity.Duration.Ticks, (_, ticks) => ticks + activity.Duration.Ticks),
        })
        {
            ActivitySource.AddActivityListener(listener);
            await run();
        }

        var total = Stopwatch.GetElapsedTime(started);
        var steps = byStatement.Select(s => (Step: s.Key, Time: TimeSpan.FromTicks(s.Value))).OrderByDescending(s => s.Time).ToList();
        steps.Add(("not traced: validation, scoping and rows in this process, binary COPY", total - steps.Aggregate(TimeSpan.Zero, (sum, s) => sum + s.Time)));
        steps.Add(("total", total));
        return steps;
    }

    private static string Label(string sql)
    {
        var words = Whitespace().Replace(sql, " ").Trim();
        return words.Length <= 70 ? words : words[..70] + " …";
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
