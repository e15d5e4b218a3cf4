using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Platform.Referrals.Benchmarks;

/// <summary>
/// Where a unit of work's time goes: every statement it sends, from Npgsql's trace, summed by its first words;
/// the rest of the wall time is its own work in this process.
/// </summary>
internal static partial class StatementProfile
{
    public static async Task<IReadOnlyList<(string Step, int Calls, TimeSpan Time)>> MeasureAsync(Func<Task> run, string untraced)
    {
        var byStatement = new ConcurrentDictionary<string, (int Calls, long Ticks)>(StringComparer.Ordinal);
        var started = Stopwatch.GetTimestamp();
        using (var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "Npgsql",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity => byStatement.AddOrUpdate(
                Label(activity.GetTagItem("db.query.text") as string ?? activity.DisplayName),
                (1, activity.Duration.Ticks),
                (_, sum) => (sum.Calls + 1, sum.Ticks + activity.Duration.Ticks)),
        })
        {
            ActivitySource.AddActivityListener(listener);
            await run();
        }

        var total = Stopwatch.GetElapsedTime(started);
        var steps = byStatement.Select(s => (Step: s.Key, s.Value.Calls, Time: TimeSpan.FromTicks(s.Value.Ticks))).OrderByDescending(s => s.Time).ToList();
        steps.Add(($"not traced: {untraced}", 0, total - steps.Aggregate(TimeSpan.Zero, (sum, s) => sum + s.Time)));
        steps.Add(("total", 0, total));
        return steps;
    }

    public static void Print(IReadOnlyList<(string Step, int Calls, TimeSpan Time)> steps)
    {
        foreach (var (step, calls, time) in steps)
        {
            var count = calls == 0 ? "" : $"{calls:N0} x";
            Console.WriteLine($"  {step,-76} {count,8} {time.TotalMilliseconds,8:N0} ms {time / steps[^1].Time,5:P0}");
        }
    }

    private static string Label(string sql)
    {
        var words = Whitespace().Replace(sql, " ").Trim();
        return words.Length <= 60 ? words : words[..60] + " …";
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
