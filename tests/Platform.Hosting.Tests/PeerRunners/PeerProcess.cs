using System.Diagnostics;
using System.Text;
using Platform.LocalInfrastructure;

namespace Platform.Hosting.Tests.PeerRunners;

/// <summary>Runs a peer script from <c>tests/Platform.Hosting.Tests/peers</c> and returns what it printed.</summary>
internal static class PeerProcess
{
    public static string PeersDirectory { get; } = Path.Combine(RepositoryRoot.Find(), "tests", "Platform.Hosting.Tests", "peers");

    public static string ProtosDirectory { get; } = Path.Combine(RepositoryRoot.Find(), "tests", "Platform.Hosting.Tests", "Protos");

    public static async Task<string> RunAsync(string fileName, IEnumerable<string> arguments, string? input, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = PeersDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {fileName}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        if (input is not null)
        {
            await process.StandardInput.WriteAsync(input);
        }

        process.StandardInput.Close();
        using var cancellation = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancellation.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{fileName} {string.Join(' ', arguments)} did not finish within {timeout}: {await errors}");
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(new StringBuilder()
                .Append(fileName).Append(" exited with ").Append(process.ExitCode).AppendLine(":")
                .AppendLine(await errors).Append(await output).ToString());
        }

        return await output;
    }
}
