using System.Globalization;

namespace Platform.Portal.Benchmarks;

/// <summary>A process's resident memory as the kernel counts it (<c>VmRSS</c> in <c>/proc/&lt;pid&gt;/status</c>).</summary>
internal static class ProcessMemory
{
    public static double ResidentMegabytes(int processId)
    {
        var line = File.ReadLines($"/proc/{processId}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        var kilobytes = long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
        return kilobytes / 1024.0;
    }

    /// <summary>The highest resident memory seen while <paramref name="work"/> runs, sampled every 50 ms.</summary>
    public static async Task<double> PeakWhileAsync(int processId, Task work)
    {
        var peak = ResidentMegabytes(processId);
        while (!work.IsCompleted)
        {
            peak = Math.Max(peak, ResidentMegabytes(processId));
            await Task.WhenAny(work, Task.Delay(50));
        }

        await work;
        return Math.Max(peak, ResidentMegabytes(processId));
    }
}
