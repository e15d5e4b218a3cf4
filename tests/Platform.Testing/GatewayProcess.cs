using Platform.LocalInfrastructure;
using Platform.Testing;

namespace Platform.Gateway.Tests;

/// <summary>
/// The gateway as the local run starts it: its own process, configured only by environment
/// variables. Its address is fixed before it starts, because the identity provider must know the
/// gateway's login callback (a registered redirect URI) before the gateway can know the issuer.
/// </summary>
internal sealed class GatewayProcess : IAsyncDisposable
{
    private readonly string _directory = PrivateServers.NewDirectory();
    private readonly HttpProcessServer _server;
    private Uri? _issuer;
    private Uri? _populations;

    private GatewayProcess(int requestsPerMinute, int refreshAheadSeconds)
    {
        GrpcAddress = new Uri($"http://127.0.0.1:{FreePort()}");
        var project = Path.Combine(RepositoryRoot.Find(), "src", "Platform.Gateway");
        var assembly = Path.Combine(project, "bin", "Debug", "net10.0", "Platform.Gateway.dll");
        var command = new HttpProcessCommand("dotnet", [assembly], project, address => new Dictionary<string, string>
        {
            ["ASPNETCORE_URLS"] = address.ToString().TrimEnd('/'),
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["Kestrel__Endpoints__grpc__Url"] = GrpcAddress.ToString().TrimEnd('/'),
            ["Identity__Authority"] = _issuer!.ToString().TrimEnd('/'),
            ["services__populations__http__0"] = _populations!.ToString().TrimEnd('/'),
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

    public async Task StartAsync(Uri issuer, Uri populations)
    {
        _issuer = issuer;
        _populations = populations;
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

    private static int FreePort()
    {
        using var probe = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        probe.Start();
        return ((System.Net.IPEndPoint)probe.LocalEndpoint).Port;
    }
}
