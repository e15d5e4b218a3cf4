using System.Diagnostics;

namespace Platform.LocalInfrastructure;

/// <summary>The exit code and the combined output of a finished command.</summary>
internal sealed record CommandResult(int ExitCode, string Output)
{
    public bool Succeeded => ExitCode == 0;
}

/// <summary>Runs short-lived tools (initdb, pg_ctl, pg_isready, apt-get, kill) to completion.</summary>
internal static class CommandRunner
{
    public static async Task<CommandResult> RunAsync(
        string fileName,
        IEnumerable<string> arguments,
        CancellationToken cancellationToken,
        string? workingDirectory = null)
    {
        var startInfo = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        using var process = Process.Start(startInfo)
            ?? throw new InvalidOperationException($"Could not start {fileName}.");
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);

        // A daemon started by the tool may keep the pipes open; the tool's own exit is what counts.
        var drained = Task.WhenAll(output, error);
        await Task.WhenAny(drained, Task.Delay(TimeSpan.FromSeconds(5), cancellationToken));
        var text = drained.IsCompletedSuccessfully ? (output.Result + error.Result).Trim() : "";
        return new CommandResult(process.ExitCode, text);
    }

    public static async Task<CommandResult> RunCheckedAsync(
        string fileName,
        IEnumerable<string> arguments,
        CancellationToken cancellationToken,
        string? workingDirectory = null)
    {
        var argumentList = arguments.ToList();
        var result = await RunAsync(fileName, argumentList, cancellationToken, workingDirectory);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(
                $"'{fileName} {string.Join(' ', argumentList)}' exited with {result.ExitCode}:\n{result.Output}");
        }
        return result;
    }
}
