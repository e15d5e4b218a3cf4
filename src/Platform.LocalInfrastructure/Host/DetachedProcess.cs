using System.Diagnostics;
using System.Globalization;

namespace Platform.LocalInfrastructure;

/// <summary>
/// Long-running child processes that outlive the process that started them:
/// the test host or the launcher exits while the servers keep running.
/// </summary>
public static class DetachedProcess
{
    // setsid gives the child its own session, so a Ctrl+C in the launching terminal does not reach it.
    // The shell execs (no fork), so the returned id is the id of the program itself. A variable whose
    // name is no shell identifier (Gateway__GrpcServices__platform.provider.v1.X) would be dropped by
    // dash on its way through the shell, so such variables are set by env(1) after it instead.
    private const string DetachScript = "log=\"$1\"; shift; exec setsid env \"$@\" >>\"$log\" 2>&1 </dev/null";

    public static int Start(
        string fileName,
        IEnumerable<string> arguments,
        IReadOnlyDictionary<string, string> environment,
        string workingDirectory,
        string logFile)
    {
        var startInfo = new ProcessStartInfo("/bin/sh")
        {
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
        };
        var unsafeNames = environment.Where(e => !IsShellName(e.Key)).Select(e => $"{e.Key}={e.Value}");
        foreach (var argument in (string[])["-c", DetachScript, "sh", logFile, .. unsafeNames, fileName, .. arguments])
        {
            startInfo.ArgumentList.Add(argument);
        }
        foreach (var (key, value) in environment.Where(e => IsShellName(e.Key)))
        {
            startInfo.Environment[key] = value;
        }

        using var process = Process.Start(startInfo)
            ?? throw new InvalidOperationException($"Could not start {fileName}.");
        return process.Id;
    }

    private static bool IsShellName(string name) =>
        name.Length > 0 && !char.IsAsciiDigit(name[0]) && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');

    /// <summary>True while the process exists and is not a zombie waiting to be reaped.</summary>
    public static bool IsAlive(int processId)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{processId}/stat");
            var state = stat[(stat.LastIndexOf(')') + 2)..].FirstOrDefault();
            return state is not ('Z' or 'X');
        }
        catch (IOException)
        {
            return false;
        }
        catch (UnauthorizedAccessException)
        {
            return true;
        }
    }

    public static async Task<bool> WaitForExitAsync(int processId, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (IsAlive(processId))
        {
            if (DateTime.UtcNow > deadline)
            {
                return false;
            }
            await Task.Delay(100, cancellationToken);
        }
        return true;
    }

    public static Task SignalAsync(int processId, string signal, CancellationToken cancellationToken) =>
        CommandRunner.RunAsync(
            "kill", ["-s", signal, processId.ToString(CultureInfo.InvariantCulture)], cancellationToken);
}
