using System.Diagnostics;

namespace Platform.Gateway.Benchmarks;

/// <summary>Installs a Debian package the benchmark needs (wrk, nginx) unless a file it provides is there.</summary>
internal static class DebianPackage
{
    public static async Task EnsureInstalledAsync(string package, string installedFile, CancellationToken cancellationToken)
    {
        if (File.Exists(installedFile))
        {
            return;
        }

        Console.WriteLine($"Installing the Debian package {package} ...");
        string[] asRoot = Environment.UserName == "root" ? [] : ["sudo", "-n"];
        string[] install = [.. asRoot, "env", "DEBIAN_FRONTEND=noninteractive", "apt-get", "install", "-y", "-o", "DPkg::Lock::Timeout=300", package];
        if (await RunAsync(install, cancellationToken) != 0)
        {
            // A fresh machine has no package lists yet.
            await RunAsync([.. asRoot, "apt-get", "update"], cancellationToken);
            await RunAsync(install, cancellationToken);
        }

        if (!File.Exists(installedFile))
        {
            throw new InvalidOperationException($"{installedFile} is still missing; install it once with: sudo apt-get install -y {package}");
        }
    }

    private static async Task<int> RunAsync(string[] command, CancellationToken cancellationToken)
    {
        using var process = Process.Start(new ProcessStartInfo(command[0], command[1..]) { RedirectStandardOutput = true })!;
        await process.StandardOutput.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        return process.ExitCode;
    }
}
