using System.Diagnostics;

namespace Platform.Portal.Benchmarks;

/// <summary>Wall-clock times of one request after another, in milliseconds, and their order statistics.</summary>
internal static class Timings
{
    public static async Task<double[]> MeasureAsync(int count, Func<Task> request)
    {
        var times = new double[count];
        for (var i = 0; i < count; i++)
        {
            var watch = Stopwatch.StartNew();
            await request();
            times[i] = watch.Elapsed.TotalMilliseconds;
        }

        Array.Sort(times);
        return times;
    }

    /// <summary>The value below which the given share of the sorted times lie (nearest rank).</summary>
    public static double Percentile(double[] sorted, double share) =>
        sorted[Math.Clamp((int)Math.Ceiling(share * sorted.Length) - 1, 0, sorted.Length - 1)];
}
