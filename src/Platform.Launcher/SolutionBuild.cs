using System.Diagnostics;

namespace Platform.Launcher;

internal static class SolutionBuild
{
    /// <summary>One build of the whole solution, so every service starts from its built assembly.</summary>
    public static async Task RunAsync(string repositoryRoot)
    {
        var startInfo = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = repositoryRoot,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in (string[])["build", "Platform.sln", "-nologo", "-v", "q"])
        {
            startInfo.ArgumentList.Add(argument);
        }
        using var build = Process.Start(startInfo) ?? throw new InvalidOperationException("Could not start dotnet build.");
        var output = build.StandardOutput.ReadToEndAsync();
        var errors = build.StandardError.ReadToEndAsync();
        await build.WaitForExitAsync();
        if (build.ExitCode != 0)
        {
            throw new InvalidOperationException($"The solution did not build:\n{await output}{await errors}");
        }
    }
}
