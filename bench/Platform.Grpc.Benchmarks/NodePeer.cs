using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using Platform.LocalInfrastructure;

namespace Platform.Grpc.Benchmarks;

/// <summary>The grpc-js Interop server of the test project's peers folder, installed from its lock file when needed.</summary>
internal sealed class NodePeer : IAsyncDisposable
{
    private readonly Process _process;

    private NodePeer(Process process, Uri address)
    {
        _process = process;
        Address = address;
    }

    public Uri Address { get; }

    private static string PeersDirectory => Path.Combine(RepositoryRoot.Find(), "tests", "Platform.Hosting.Tests", "peers");

    public static async Task<NodePeer> StartAsync()
    {
        await EnsurePackagesAsync();
        var start = new ProcessStartInfo("node", ["node_server.js", "0"])
        {
            WorkingDirectory = PeersDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start node.");
        while (await process.StandardOutput.ReadLineAsync() is { } line)
        {
            if (line.StartsWith("LISTENING ", StringComparison.Ordinal))
            {
                return new NodePeer(process, new Uri($"http://127.0.0.1:{int.Parse(line[10..], CultureInfo.InvariantCulture)}"));
            }
        }

        throw new InvalidOperationException("The grpc-js server exited before it listened.");
    }

    private static async Task EnsurePackagesAsync()
    {
        var hash = Convert.ToHexString(SHA256.HashData(await File.ReadAllBytesAsync(Path.Combine(PeersDirectory, "package-lock.json"))));
        var stamp = Path.Combine(PeersDirectory, "node_modules", ".platform-lock-hash");
        if (File.Exists(stamp) && await File.ReadAllTextAsync(stamp) == hash)
        {
            return;
        }

        using var npm = Process.Start(new ProcessStartInfo("npm", ["ci", "--no-audit", "--no-fund", "--loglevel=error"]) { WorkingDirectory = PeersDirectory })!;
        await npm.WaitForExitAsync();
        if (npm.ExitCode != 0)
        {
            throw new InvalidOperationException("npm ci failed in " + PeersDirectory);
        }

        await File.WriteAllTextAsync(stamp, hash);
    }

    public async ValueTask DisposeAsync()
    {
        _process.StandardInput.Close();
        if (!_process.WaitForExit(TimeSpan.FromSeconds(10)))
        {
            _process.Kill(entireProcessTree: true);
        }

        await Task.CompletedTask;
        _process.Dispose();
    }
}
