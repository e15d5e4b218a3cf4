using System.Diagnostics;
using Microsoft.Extensions.Configuration;

namespace Platform.AppHost.Infrastructure;

/// <summary>Containers where Docker or Podman answers, local executables (Debian packages, Node) elsewhere.</summary>
internal static class InfrastructureMode
{
    public const string Containers = "containers";
    public const string Local = "local";

    /// <summary><c>Infrastructure:Mode</c> when set, else whether a container runtime answers.</summary>
    public static string Choose(IConfiguration configuration) =>
        configuration["Infrastructure:Mode"] is { Length: > 0 } forced
            ? forced.ToLowerInvariant() switch
            {
                Containers or Local => forced.ToLowerInvariant(),
                _ => throw new InvalidOperationException($"Infrastructure:Mode is '{forced}'; use '{Containers}' or '{Local}'."),
            }
            : Answers("docker") || Answers("podman") ? Containers : Local;

    // A runtime that is installed but not running fails "info"; the timeout keeps a hung daemon from stalling the start.
    private static bool Answers(string runtime)
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo(runtime, "info")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            });
            if (process is null)
            {
                return false;
            }
            if (!process.WaitForExit(TimeSpan.FromSeconds(5)))
            {
                process.Kill(entireProcessTree: true);
                return false;
            }
            return process.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false; // not installed
        }
    }
}
