using System.Diagnostics;
using System.Globalization;

namespace Platform.Hosting.Tests.PeerRunners;

/// <summary>The Interop service on @grpc/grpc-js, for testing our client against a real server.</summary>
internal sealed class NodeServer : IAsyncDisposable
{
    private readonly Process _process;

    private NodeServer(Process process, int port)
    {
        _process = process;
        Address = new Uri($"http://127.0.0.1:{port}");
    }

    public Uri Address { get; }

    public static async Task<NodeServer> StartAsync()
    {
        await NodePackages.EnsureInstalledAsync();
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = PeerProcess.PeersDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("node_server.js");
        start.ArgumentList.Add("0");
        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start node.");
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
        {
            if (line.StartsWith("LISTENING ", StringComparison.Ordinal))
            {
                return new NodeServer(process, int.Parse(line["LISTENING ".Length..], CultureInfo.InvariantCulture));
            }
        }

        process.Kill(entireProcessTree: true);
        throw new InvalidOperationException("The grpc-js server exited before it listened.");
    }

    public async ValueTask DisposeAsync()
    {
        // Closing stdin ends it; the kill is for a peer that hangs.
        _process.StandardInput.Close();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.Dispose();
    }
}
