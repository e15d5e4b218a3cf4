namespace Platform.Gateway.Benchmarks;

/// <summary>
/// One shape of load (wrk threads and connections) applied to every target in turn, for several
/// rounds: a burst of other work on the shared machine then hits one round of every target, not
/// all of one target, and the ratio within a round stays fair.
/// </summary>
internal sealed class LoadRun(IReadOnlyList<(string Name, Uri Url, Func<int?> ProcessId)> targets, Func<CancellationToken, Task<string>> freshToken)
{
    public async Task<Dictionary<string, WrkResult[]>> MeasureAsync(
        int threads, int connections, int warmUpSeconds, int seconds, int rounds, CancellationToken cancellationToken)
    {
        // Tokens live 300 s: each warm-up and each measurement gets a fresh one.
        foreach (var (_, url, _) in targets)
        {
            await Wrk.RunAsync(url, await freshToken(cancellationToken), threads, connections, warmUpSeconds, cancellationToken);
        }

        var results = targets.ToDictionary(t => t.Name, _ => new WrkResult[rounds]);
        for (var round = 0; round < rounds; round++)
        {
            foreach (var (name, url, processId) in targets)
            {
                var token = await freshToken(cancellationToken);
                var cpuBefore = processId() is { } before ? ProcessCpu.Used(before) : (TimeSpan?)null;
                var result = await Wrk.RunAsync(url, token, threads, connections, seconds, cancellationToken);
                if (cpuBefore is { } start && processId() is { } after)
                {
                    result = result with { CpuMicroseconds = (ProcessCpu.Used(after) - start).TotalMicroseconds / result.Requests };
                }

                if (result.Failures > 0)
                {
                    throw new InvalidOperationException($"{name}: {result.Failures} of {result.Requests} requests failed; the figures would be wrong.");
                }

                results[name][round] = result;
            }
        }

        return results;
    }

    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
