using Platform.LocalInfrastructure;
using Platform.Testing;

namespace Platform.Populations.Tests.Service;

/// <summary>
/// The populations service as the local run starts it: its own process, configured only by the
/// environment variables the AppHost would give it, against real PostgreSQL, RabbitMQ and identity provider.
/// </summary>
internal sealed class PopulationsProcess : IAsyncDisposable
{
    private readonly string _directory = PrivateServers.NewDirectory();
    private readonly HttpProcessServer _server;

    private PopulationsProcess(string databaseConnectionString, Uri broker, Uri issuer, IReadOnlyDictionary<string, string> extra)
    {
        var project = Path.Combine(RepositoryRoot.Find(), "src", "Platform.Populations");
        var assembly = Path.Combine(project, "bin", "Debug", "net10.0", "Platform.Populations.dll");
        HttpProcessServer? server = null;
        var command = new HttpProcessCommand("dotnet", [assembly], project, address => new Dictionary<string, string>(extra)
        {
            ["ASPNETCORE_URLS"] = address.ToString().TrimEnd('/'),
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["Kestrel__Endpoints__grpc__Url"] = server!.GrpcAddress.ToString().TrimEnd('/'),
            ["ConnectionStrings__populationsdb"] = databaseConnectionString,
            ["ConnectionStrings__messaging"] = broker.ToString().TrimEnd('/'),
            ["Identity__Authority"] = issuer.ToString().TrimEnd('/'),
            ["OTEL_SERVICE_NAME"] = "populations",

            // Each test writes its own data; the demo region would only get in its way.
            ["Populations__SeedDemoRegion"] = "false",
        });
        server = new HttpProcessServer("populations", _directory, command, "/health");
        _server = server;
    }

    public Uri BaseAddress => _server.BaseAddress;

    public Uri GrpcAddress => _server.GrpcAddress;

    public static async Task<PopulationsProcess> StartAsync(
        string databaseConnectionString, Uri broker, Uri issuer, IReadOnlyDictionary<string, string>? extra = null)
    {
        var process = new PopulationsProcess(databaseConnectionString, broker, issuer, extra ?? new Dictionary<string, string>());
        await process._server.StartAsync();
        return process;
    }

    public async ValueTask DisposeAsync()
    {
        await _server.StopAsync();
        // KEEP_TEST_LOGS=1 keeps the service's log (under .local/test/private/) for reading after a failure.
        if (Directory.Exists(_directory) && Environment.GetEnvironmentVariable("KEEP_TEST_LOGS") is null)
        {
            Directory.Delete(_directory, recursive: true);
        }
    }
}
