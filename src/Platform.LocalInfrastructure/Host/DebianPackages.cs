namespace Platform.LocalInfrastructure;

/// <summary>Installs a Debian package the first time a server needs it.</summary>
internal static class DebianPackages
{
    private static readonly SemaphoreSlim s_installGate = new(1, 1);

    /// <summary>
    /// Installs <paramref name="package"/> (e.g. <c>postgresql</c>) unless <paramref name="installedFile"/>,
    /// a file the package provides, is already there.
    /// </summary>
    public static async Task EnsureInstalledAsync(string package, string installedFile, CancellationToken cancellationToken)
    {
        if (File.Exists(installedFile))
        {
            return;
        }

        await s_installGate.WaitAsync(cancellationToken);
        try
        {
            if (!File.Exists(installedFile))
            {
                await InstallAsync(package, cancellationToken);
            }
        }
        finally
        {
            s_installGate.Release();
        }
    }

    private static async Task InstallAsync(string package, CancellationToken cancellationToken)
    {
        var asRoot = await RootPrefixAsync(package, cancellationToken);
        // The lock timeout lets a parallel test process finish its own install instead of failing on apt's lock.
        string[] install = [.. asRoot, "env", "DEBIAN_FRONTEND=noninteractive",
            "apt-get", "install", "-y", "-o", "DPkg::Lock::Timeout=300", package];

        var result = await CommandRunner.RunAsync(install[0], install[1..], cancellationToken);
        if (!result.Succeeded)
        {
            // A fresh machine has no package lists yet.
            string[] update = [.. asRoot, "apt-get", "update"];
            await CommandRunner.RunAsync(update[0], update[1..], cancellationToken);
            result = await CommandRunner.RunAsync(install[0], install[1..], cancellationToken);
        }
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(
                $"Installing the Debian package '{package}' failed (exit {result.ExitCode}):\n{result.Output}");
        }
    }

    private static async Task<string[]> RootPrefixAsync(string package, CancellationToken cancellationToken)
    {
        if (UnixAccount.IsRoot)
        {
            return [];
        }
        var sudo = await TryRunAsync("sudo", ["-n", "true"], cancellationToken);
        return sudo
            ? ["sudo", "-n"]
            : throw new InvalidOperationException(
                $"The Debian package '{package}' is missing, and this account is neither root nor allowed " +
                $"to use sudo without a password. Install it once with: sudo apt-get install -y {package}");
    }

    private static async Task<bool> TryRunAsync(string fileName, string[] arguments, CancellationToken cancellationToken)
    {
        try
        {
            return (await CommandRunner.RunAsync(fileName, arguments, cancellationToken)).Succeeded;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false; // the program itself is not installed
        }
    }
}
