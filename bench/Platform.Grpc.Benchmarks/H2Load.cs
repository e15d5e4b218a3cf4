using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Platform.Grpc.Benchmarks;

/// <summary>
/// nghttp2's h2load (Debian package nghttp2-client): one neutral HTTP/2 load generator, written in C,
/// that drives both servers with identical gRPC requests for a fixed time.
/// </summary>
internal static partial class H2Load
{
    public const string Executable = "h2load";

    public static bool IsInstalled() =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Any(d => File.Exists(Path.Combine(d, Executable)));

    /// <summary>Runs one load and returns completed requests per second and the count of failed ones.</summary>
    public static async Task<(double RequestsPerSecond, long Succeeded, long Failed)> RunAsync(
        Uri server, string path, string bodyFile, int connections, int streamsPerConnection, int seconds)
    {
        var arguments = new[]
        {
            "-c", connections.ToString(CultureInfo.InvariantCulture),
            "-m", streamsPerConnection.ToString(CultureInfo.InvariantCulture),
            "-t", "1",
            "-D", seconds.ToString(CultureInfo.InvariantCulture),
            "--warm-up-time=2",
            "-d", bodyFile,
            "-H", "content-type: application/grpc",
            "-H", "te: trailers",
            new Uri(server, path).ToString(),
        };
        using var process = Process.Start(new ProcessStartInfo(Executable, arguments) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        var rate = RateLine().Match(output);
        var requests = RequestsLine().Match(output);
        if (process.ExitCode != 0 || !rate.Success || !requests.Success)
        {
            throw new InvalidOperationException($"h2load failed:\n{output}\n{await process.StandardError.ReadToEndAsync()}");
        }

        return (double.Parse(rate.Groups[1].Value, CultureInfo.InvariantCulture),
            long.Parse(requests.Groups[2].Value, CultureInfo.InvariantCulture),
            long.Parse(requests.Groups[3].Value, CultureInfo.InvariantCulture) + long.Parse(requests.Groups[4].Value, CultureInfo.InvariantCulture));
    }

    [GeneratedRegex(@"finished in [\d.]+\w+, ([\d.]+) req/s")]
    private static partial Regex RateLine();

    [GeneratedRegex(@"requests: (\d+) total, \d+ started, \d+ done, (\d+) succeeded, (\d+) failed, (\d+) errored")]
    private static partial Regex RequestsLine();
}
