using System.Diagnostics;
using System.Globalization;
using Platform.LocalInfrastructure;

namespace Platform.Gateway.Benchmarks;

/// <summary>
/// A server under measurement, run in this process's session rather than detached into its own
/// (as <see cref="DetachedProcess"/> does with setsid). Linux's autogroup scheduling, on here, shares
/// the CPU equally between sessions, not threads: a detached gateway got at most half the machine
/// against wrk and the backend (about 4,000 requests/s instead of 6,600), so every process that
/// serves or sends the load shares one session and competes thread by thread.
/// </summary>
internal abstract class ChildServer(string name, string rootDirectory) : ProcessServer(name, rootDirectory)
{
    private const string ExecScript = "log=\"$1\"; shift; exec \"$@\" >>\"$log\" 2>&1 </dev/null";

    private static readonly HttpClient s_probeClient = new() { Timeout = TimeSpan.FromSeconds(2) };

    public int Port => AssignedPort("http");

    public Uri BaseAddress => new($"http://127.0.0.1:{Port.ToString(CultureInfo.InvariantCulture)}");

    /// <summary>A path that answers 200 once the server serves requests.</summary>
    protected abstract string ReadinessPath { get; }

    public override async Task<bool> IsReadyAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            using var response = await s_probeClient.GetAsync(new Uri(BaseAddress, ReadinessPath), cancellationToken);
            return response.IsSuccessStatusCode;
        }
        catch (Exception exception) when (exception is HttpRequestException
            || (exception is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return false;
        }
    }

    public override ResourceDescription Describe() => new(Name, BaseAddress.ToString(), LogFile, ProcessId);

    /// <summary>Starts the program with its output appended to <see cref="ProcessServer.LogFile"/>; returns its process id.</summary>
    protected int StartChild(string fileName, IEnumerable<string> arguments, IReadOnlyDictionary<string, string> environment, string workingDirectory)
    {
        var startInfo = new ProcessStartInfo("/bin/sh") { UseShellExecute = false, WorkingDirectory = workingDirectory };
        foreach (var argument in (string[])["-c", ExecScript, "sh", LogFile, fileName, .. arguments])
        {
            startInfo.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment)
        {
            startInfo.Environment[key] = value;
        }

        using var process = Process.Start(startInfo) ?? throw new InvalidOperationException($"Could not start {fileName}.");
        return process.Id; // the shell execs, so this is the program itself
    }
}
