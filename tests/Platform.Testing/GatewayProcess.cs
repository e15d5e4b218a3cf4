using Platform.LocalInfrastructure;

namespace Platform.Testing;

/// <summary>
/// The gateway as the local run starts it: its own process, configured only by environment
/// variables. Its address is fixed before it starts, because the identity provider must know the
/// gateway's login callback (a registered redirect URI) before the gateway can know the issuer.
/// The test project that uses it references the gateway project, so the gateway is built first.
/// </summary>
public sealed class GatewayProcess : IAsyncDisposable
{
    private readonly string _directory = PrivateServers.NewDirectory();
    private readonly HttpProcessServer _server;
    private Dictionary<string, string> _settings = [];

    private GatewayProcess(int requestsPerMinute, int refreshAheadSeconds)
    {
        GrpcAddress = new Uri($"http://127.0.0.1:{FreePort()}");
        var project = Path.Combine(RepositoryRoot.Find(), "src", "Platform.Gateway");
        var assembly = Path.Combine(project, "bin", "Debug", "net10.0", "Platform.Gateway.dll");
        var command = new HttpProcessCommand("dotnet", [assembly], project, address => new Dictionary<string, string>(_settings)
        {
            ["ASPNETCORE_URLS"] = address.ToString().TrimEnd('/'),
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["Kestrel__Endpoints__grpc__Url"] = GrpcAddress.ToString().TrimEnd('/'),
            ["Gateway__RefreshAhead"] = TimeSpan.FromSeconds(refreshAheadSeconds).ToString(),
            ["Gateway__RequestsPerMinute"] = requestsPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        _server = new HttpProcessServer("gateway", _directory, command, "/alive");
    }

    public Uri BaseAddress => _server.BaseAddress;

    /// <summary>The cleartext HTTP/2 listener for provider gRPC.</summary>
    public Uri GrpcAddress { get; }

    /// <summary>A gateway with its ports chosen, not yet started.</summary>
    public static GatewayProcess Prepare(int requestsPerMinute = 100_000, int refreshAheadSeconds = 60) =>
        new(requestsPerMinute, refreshAheadSeconds);

    public static async Task<GatewayProcess> StartAsync(Uri issuer, Uri populations, int requestsPerMinute = 100_000, int refreshAheadSeconds = 60)
    {
        var gateway = Prepare(requestsPerMinute, refreshAheadSeconds);
        await gateway.StartAsync(issuer, populations);
        return gateway;
    }

    /// <summary>Starts the gateway with the populations service's HTTP API behind <c>/api/populations</c>.</summary>
    public Task StartAsync(Uri issuer, Uri populations) =>
        StartAsync(issuer, new Dictionary<string, string> { ["services__populations__http__0"] = Text(populations) });

    /// <summary>
    /// Starts the gateway trusting <paramref name="issuer"/>, with more settings as environment variables,
    /// e.g. <c>Gateway__GrpcServices__platform.testing.v1.Interop</c> and <c>services__interop__grpc__0</c>.
    /// </summary>
    public async Task StartAsync(Uri issuer, IReadOnlyDictionary<string, string> settings)
    {
        _settings = new Dictionary<string, string>(settings) { ["Identity__Authority"] = Text(issuer) };
        await _server.StartAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _server.StopAsync();
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    private static string Text(Uri address) => address.ToString().TrimEnd('/');

    private static int FreePort()
    {
        using var probe = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        probe.Start();
        return ((System.Net.IPEndPoint)probe.LocalEndpoint).Port;
    }
}
