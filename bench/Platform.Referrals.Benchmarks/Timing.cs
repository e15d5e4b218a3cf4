using System.Diagnostics;

namespace Platform.Referrals.Benchmarks;

/// <summary>The median wall time of an action over several runs, after warming up.</summary>
internal sealed record Timing(string Name, TimeSpan Median, TimeSpan Fastest, TimeSpan Slowest)
{
    /// <summary>Times <paramref name="action"/>; <paramref name="before"/>, when given, runs before each run off the clock.</summary>
    public static async Task<Timing> OfAsync(string name, int warmUps, int runs, Func<Task> action, Func<Task>? before = null)
    {
        for (var i = 0; i < warmUps; i++)
        {
            await (before?.Invoke() ?? Task.CompletedTask);
            await action();
        }

        var times = new List<TimeSpan>(runs);
        for (var run = 0; run < runs; run++)
        {
            // Garbage from the previous run should not be collected on this run's clock.
            await (before?.Invoke() ?? Task.CompletedTask);
            GC.Collect();
            GC.WaitForPendingFinalizers();
            var started = Stopwatch.GetTimestamp();
            await action();
            times.Add(Stopwatch.GetElapsedTime(started));
        }

        return Of(name, times);
    }

    public static Timing Of(string name, IReadOnlyList<TimeSpan> times)
    {
        var sorted = times.Order().ToList();
        return new Timing(name, sorted[sorted.Count / 2], sorted[0], sorted[^1]);
    }

    public string Row(TimeSpan reference) =>
        $"{Name,-66} {Median.TotalMilliseconds,8:N1} ms  ({Fastest.TotalMilliseconds:N1}-{Slowest.TotalMilliseconds:N1})  x{Median / reference,5:N2}";
}
