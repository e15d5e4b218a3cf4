using System.Diagnostics;
using System.Globalization;
using Platform.LocalInfrastructure;

namespace Platform.Referrals.Benchmarks;

/// <summary>
/// A platform service's Release build in its own process, configured by environment variables as the local run
/// configures it, with an HTTP port and a cleartext HTTP/2 (gRPC) port. Unlike <see cref="DetachedProcess"/> it stays
/// in this process's session: with Linux's autogroup scheduling a detached process would get an equal share of the
/// CPU as a whole session, not as its threads, and the client, gateway and service would not compete fairly.
/// </summary>
internal sealed class ServiceServer(
    string name, string project, string rootDirectory, string readinessPath, Func<IReadOnlyDictionary<string, string>> environment)
    : ProcessServer(name, rootDirectory)
{
    // env(1) sets the variables, so names that are no shell identifiers (Gateway__GrpcServices__platform.provider.v1.X) survive.
    private const string ExecScript = "log=\"$1\"; shift; exec env \"$@\" >>\"$log\" 2>&1 </dev/null";

    private static readonly HttpClient s_probe = new() { Timeout = TimeSpan.FromSeconds(2) };

    public Uri BaseAddress => new($"http://127.0.0.1:{AssignedPort("http").ToString(CultureInfo.InvariantCulture)}");

    public Uri GrpcAddress => new($"http://127.0.0.1:{AssignedPort("grpc").ToString(CultureInfo.InvariantCulture)}");

    private string ProjectDirectory => Path.Combine(RepositoryRoot.Find(), "src", project);

    private string Assembly => Path.Combine(ProjectDirectory, "bin", "Release", "net10.0", project + ".dll");

    public override async Task<bool> IsReadyAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            using var response = await s_probe.GetAsync(new Uri(BaseAddress, readinessPath), cancellationToken);
            return response.IsSuccessStatusCode;
        }
        catch (Exception e) when (e is HttpRequestException || (e is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return false;
        }
    }

    public override ResourceDescription Describe() => new(Name, BaseAddress.ToString(), LogFile, ProcessId);

    protected override Task PrepareAsync(CancellationToken cancellationToken) => File.Exists(Assembly)
        ? Task.CompletedTask
        : throw new InvalidOperationException($"{Assembly} is missing: run with 'dotnet run -c Release', which builds it.");

    protected override Task<int> LaunchAsync(CancellationToken cancellationToken)
    {
        var variables = new Dictionary<string, string>(environment())
        {
            ["ASPNETCORE_URLS"] = Text(BaseAddress),
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["Kestrel__Endpoints__grpc__Url"] = Text(GrpcAddress),
            ["Logging__LogLevel__Default"] = "Warning",
        };
        var startInfo = new ProcessStartInfo("/bin/sh") { UseShellExecute = false, WorkingDirectory = ProjectDirectory };
        foreach (var argument in (string[])["-c", ExecScript, "sh", LogFile, .. variables.Select(v => $"{v.Key}={v.Value}"), "dotnet", Assembly])
        {
            startInfo.ArgumentList.Add(argument);
        }

        using var process = Process.Start(startInfo) ?? throw new InvalidOperationException($"Could not start {Name}.");
        return Task.FromResult(process.Id); // the shell execs env, which execs dotnet: the same process id
    }

    public static string Text(Uri address) => address.ToString().TrimEnd('/');
}
