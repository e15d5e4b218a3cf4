using System.Diagnostics;

namespace Platform.Populations.Benchmarks;

/// <summary>The median wall time of an action over several runs, after warming up.</summary>
internal sealed record Measurement(string Name, TimeSpan Median, TimeSpan Fastest, TimeSpan Slowest)
{
    public static Measurement Of(string name, int runs, Action action) =>
        OfAsync(name, runs, () =>
        {
            action();
            return Task.CompletedTask;
        }).GetAwaiter().GetResult();

    /// <summary>As <see cref="Of"/>, for work that waits on the database.</summary>
    public static async Task<Measurement> OfAsync(string name, int runs, Func<Task> action)
    {
        for (var warmUp = 0; warmUp < 3; warmUp++)
        {
            await action();
        }

        var times = new List<TimeSpan>(runs);
        for (var run = 0; run < runs; run++)
        {
            // Garbage from the previous run should not be collected on this run's clock.
            GC.Collect();
            GC.WaitForPendingFinalizers();
            var started = Stopwatch.GetTimestamp();
            await action();
            times.Add(Stopwatch.GetElapsedTime(started));
        }

        times.Sort();
        return new Measurement(name, times[runs / 2], times[0], times[^1]);
    }

    public string Row(TimeSpan reference) =>
        $"{Name,-42} {Median.TotalMilliseconds,8:N1} ms median  ({Fastest.TotalMilliseconds:N1}-{Slowest.TotalMilliseconds:N1})  x{Median / reference,6:N2}";
}
