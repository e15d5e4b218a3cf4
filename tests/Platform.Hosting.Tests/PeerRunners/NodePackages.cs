using System.Security.Cryptography;

namespace Platform.Hosting.Tests.PeerRunners;

/// <summary>
/// Installs the node peers' packages from the committed lock file (<c>npm ci</c>), only when
/// node_modules is missing or was installed from another lock file. Safe across processes.
/// </summary>
internal static class NodePackages
{
    private static readonly Lazy<Task> s_installed = new(InstallAsync);

    public static Task EnsureInstalledAsync() => s_installed.Value;

    private static async Task InstallAsync()
    {
        var directory = PeerProcess.PeersDirectory;
        var lockFile = Path.Combine(directory, "package-lock.json");
        var stampFile = Path.Combine(directory, "node_modules", ".platform-lock-hash");
        var hash = Convert.ToHexString(SHA256.HashData(await File.ReadAllBytesAsync(lockFile)));

        await using var exclusive = await AcquireAsync(Path.Combine(directory, ".npm-ci.lock"));
        if (File.Exists(stampFile) && await File.ReadAllTextAsync(stampFile) == hash)
        {
            return;
        }

        await PeerProcess.RunAsync("npm", ["ci", "--no-audit", "--no-fund", "--loglevel=error"], input: null, TimeSpan.FromMinutes(5));
        await File.WriteAllTextAsync(stampFile, hash);
    }

    private static async Task<FileStream> AcquireAsync(string path)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose);
            }
            catch (IOException) when (attempt < 600)
            {
                await Task.Delay(500);
            }
        }
    }
}
