using Platform.LocalInfrastructure;

namespace Platform.Testing;

/// <summary>
/// A platform service run by a test the way the local run starts it: its own process from its build output,
/// configured only by environment variables, with an HTTP port and a cleartext HTTP/2 (gRPC) port chosen before
/// it starts. Its folder, log included, is deleted when it stops, unless <c>KEEP_TEST_LOGS=1</c> is set.
/// </summary>
public sealed class ServiceProcess : IAsyncDisposable
{
    private readonly string _directory = PrivateServers.NewDirectory();
    private readonly HttpProcessServer _server;

    /// <param name="name">The resource name, e.g. <c>populations</c>.</param>
    /// <param name="project">The project folder under <c>src/</c>, e.g. <c>Platform.Populations</c>.</param>
    /// <param name="environment">Its settings beyond its own addresses, read when it starts.</param>
    /// <param name="readinessPath">The path that answers 200 once it serves.</param>
    /// <param name="servesGrpc">Whether it gets the cleartext HTTP/2 listener; without it Kestrel binds only <c>ASPNETCORE_URLS</c>.</param>
    public ServiceProcess(
        string name, string project, Func<IReadOnlyDictionary<string, string>> environment, string readinessPath = "/health", bool servesGrpc = true)
    {
        var folder = Path.Combine(RepositoryRoot.Find(), "src", project);
        var assembly = Path.Combine(folder, "bin", "Debug", "net10.0", project + ".dll");
        var command = new HttpProcessCommand("dotnet", [assembly], folder, address =>
        {
            var settings = new Dictionary<string, string>(environment())
            {
                ["ASPNETCORE_URLS"] = Text(address),
                ["ASPNETCORE_ENVIRONMENT"] = "Development",
                ["OTEL_SERVICE_NAME"] = name,
            };
            if (servesGrpc)
            {
                settings["Kestrel__Endpoints__grpc__Url"] = Text(GrpcAddress);
            }

            return settings;
        });
        _server = new HttpProcessServer(name, _directory, command, readinessPath);
    }

    public Uri BaseAddress => _server.BaseAddress;

    public Uri GrpcAddress => _server.GrpcAddress;

    public Task StartAsync() => _server.StartAsync();

    /// <summary>The service's process id while it runs.</summary>
    public int? ProcessId => _server.ProcessId;

    /// <summary>Stops the service as an operator would (SIGTERM, then waits), keeping its folder for a restart.</summary>
    public Task StopAsync() => _server.StopAsync();

    /// <summary>Kills the service without warning (SIGKILL), as a crashed host would; <see cref="StartAsync"/> starts it again.</summary>
    public async Task KillAsync()
    {
        if (ProcessId is { } id)
        {
            using (var process = System.Diagnostics.Process.GetProcessById(id))
            {
                process.Kill();
            }

            // Not this process's child: poll until the kernel has let it go.
            while (DetachedProcess.IsAlive(id))
            {
                await Task.Delay(50);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _server.StopAsync();
        if (Directory.Exists(_directory) && Environment.GetEnvironmentVariable("KEEP_TEST_LOGS") is null)
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    public static string Text(Uri address) => address.ToString().TrimEnd('/');
}
