using System.Security.Cryptography;

namespace Platform.LocalInfrastructure;

/// <summary>
/// Node.js and the npm packages of a folder with a committed <c>package-lock.json</c>: <c>npm ci</c> runs
/// when <c>node_modules</c> is missing or was installed from another lock file, and never twice at once.
/// </summary>
internal static class NodePackages
{
    private const string Stamp = ".platform-package-lock.sha256";

    /// <summary>
    /// The node program on PATH. Only when there is none are Debian's <c>nodejs</c> and <c>npm</c> installed:
    /// a node from elsewhere (NodeSource, nvm) is left alone.
    /// </summary>
    public static async Task<string> EnsureNodeAsync(CancellationToken cancellationToken)
    {
        if (FindOnPath("node") is { } node)
        {
            return node;
        }
        await DebianPackages.EnsureInstalledAsync("nodejs", "/usr/bin/node", cancellationToken);
        await DebianPackages.EnsureInstalledAsync("npm", "/usr/bin/npm", cancellationToken);
        return "/usr/bin/node";
    }

    public static async Task EnsureInstalledAsync(string packageDirectory, string lockDirectory, CancellationToken cancellationToken)
    {
        var lockFile = Path.Combine(packageDirectory, "package-lock.json");
        var stampFile = Path.Combine(packageDirectory, "node_modules", Stamp);
        var expected = Convert.ToHexStringLower(SHA256.HashData(await File.ReadAllBytesAsync(lockFile, cancellationToken)));
        if (IsCurrent(stampFile, expected))
        {
            return;
        }

        Directory.CreateDirectory(lockDirectory);
        using var installLock = await ExclusiveFileLock.AcquireAsync(Path.Combine(lockDirectory, "npm-ci.lock"), cancellationToken);
        if (IsCurrent(stampFile, expected))
        {
            return; // another process installed them while this one waited
        }
        var npm = FindOnPath("npm") ?? throw new InvalidOperationException("npm is not on PATH; install Node.js with npm.");
        await CommandRunner.RunCheckedAsync(npm, ["ci", "--no-audit", "--no-fund"], cancellationToken, packageDirectory);
        await File.WriteAllTextAsync(stampFile, expected, cancellationToken);
    }

    private static bool IsCurrent(string stampFile, string expected) =>
        File.Exists(stampFile) && File.ReadAllText(stampFile).Trim() == expected;

    private static string? FindOnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, program))
            .FirstOrDefault(File.Exists);
}
