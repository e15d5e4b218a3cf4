using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Platform.Gateway.Benchmarks;

/// <summary>What one wrk run measured. Latencies in milliseconds; failures are non-2xx/3xx answers and socket errors.</summary>
internal sealed record WrkResult(double RequestsPerSecond, double P50, double P99, long Requests, long Failures)
{
    /// <summary>CPU time of the serving process per request, in microseconds (not counted when unknown).</summary>
    public double CpuMicroseconds { get; init; } = double.NaN;
}

/// <summary>
/// wrk (Debian package <c>wrk</c>): one load generator, written in C, driving every target with the
/// same request over the same number of kept-alive connections.
/// </summary>
internal static partial class Wrk
{
    public const string Executable = "/usr/bin/wrk";

    public static async Task<WrkResult> RunAsync(
        Uri url, string bearerToken, int threads, int connections, int seconds, CancellationToken cancellationToken)
    {
        string[] arguments =
        [
            $"-t{threads}", $"-c{connections}", $"-d{seconds}s", "--latency",
            "-H", $"Authorization: Bearer {bearerToken}",
            url.ToString(),
        ];
        using var process = Process.Start(new ProcessStartInfo(Executable, arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        try
        {
            var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
            var error = process.StandardError.ReadToEndAsync(cancellationToken);
            await process.WaitForExitAsync(cancellationToken);
            return Parse(await output) ?? throw new InvalidOperationException(
                $"wrk exited with {process.ExitCode} and no result:\n{await output}\n{await error}");
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(); // cancelled: leave no load running
            }
        }
    }

    internal static WrkResult? Parse(string output)
    {
        var rate = RequestsPerSecondLine().Match(output);
        var p50 = PercentileLine("50").Match(output);
        var p99 = PercentileLine("99").Match(output);
        var requests = RequestsLine().Match(output);
        if (!rate.Success || !p50.Success || !p99.Success || !requests.Success)
        {
            return null;
        }

        var failures = NonSuccessLine().Match(output) is { Success: true } nonSuccess ? Number(nonSuccess.Groups[1].Value) : 0;
        if (SocketErrorsLine().Match(output) is { Success: true } socket)
        {
            failures += Enumerable.Range(1, 4).Sum(group => Number(socket.Groups[group].Value));
        }

        return new WrkResult(
            double.Parse(rate.Groups[1].Value, CultureInfo.InvariantCulture),
            Milliseconds(p50), Milliseconds(p99), Number(requests.Groups[1].Value), failures);
    }

    private static double Milliseconds(Match percentile)
    {
        var value = double.Parse(percentile.Groups[1].Value, CultureInfo.InvariantCulture);
        return percentile.Groups[2].Value switch
        {
            "us" => value / 1000,
            "ms" => value,
            "s" => value * 1000,
            "m" => value * 60_000,
            var unit => throw new FormatException($"wrk printed a latency in '{unit}'."),
        };
    }

    private static long Number(string text) => long.Parse(text, CultureInfo.InvariantCulture);

    private static Regex PercentileLine(string percent) =>
        new($@"^\s+{percent}%\s+([\d.]+)(us|ms|s|m|h)\s*$", RegexOptions.Multiline | RegexOptions.CultureInvariant);

    [GeneratedRegex(@"^Requests/sec:\s+([\d.]+)", RegexOptions.Multiline)]
    private static partial Regex RequestsPerSecondLine();

    [GeneratedRegex(@"^\s+(\d+) requests in", RegexOptions.Multiline)]
    private static partial Regex RequestsLine();

    [GeneratedRegex(@"Non-2xx or 3xx responses:\s+(\d+)")]
    private static partial Regex NonSuccessLine();

    [GeneratedRegex(@"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)")]
    private static partial Regex SocketErrorsLine();
}
