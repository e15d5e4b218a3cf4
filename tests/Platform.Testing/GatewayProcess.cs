namespace Platform.Testing;

/// <summary>
/// The gateway as the local run starts it: its own process, configured only by environment
/// variables. Its address is fixed before it starts, because the identity provider must know the
/// gateway's login callback (a registered redirect URI) before the gateway can know the issuer.
/// The test project that uses it references the gateway project, so the gateway is built first.
/// </summary>
public sealed class GatewayProcess : IAsyncDisposable
{
    private readonly ServiceProcess _process;
    private Dictionary<string, string> _settings = [];

    private GatewayProcess(int requestsPerMinute, int refreshAheadSeconds, int tenantRequestsPerMinute) =>
        _process = new ServiceProcess("gateway", "Platform.Gateway", () => new Dictionary<string, string>(_settings)
        {
            ["Gateway__RefreshAhead"] = TimeSpan.FromSeconds(refreshAheadSeconds).ToString(),
            ["Gateway__RequestsPerMinute"] = requestsPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Gateway__TenantRequestsPerMinute"] = tenantRequestsPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }, "/alive");

    public Uri BaseAddress => _process.BaseAddress;

    /// <summary>The cleartext HTTP/2 listener for provider gRPC, chosen before the start like the HTTP port.</summary>
    public Uri GrpcAddress => _process.GrpcAddress;

    /// <summary>A gateway with its ports chosen, not yet started.</summary>
    public static GatewayProcess Prepare(int requestsPerMinute = 100_000, int refreshAheadSeconds = 60, int tenantRequestsPerMinute = 1_000_000) =>
        new(requestsPerMinute, refreshAheadSeconds, tenantRequestsPerMinute);

    public static async Task<GatewayProcess> StartAsync(
        Uri issuer, Uri populations, int requestsPerMinute = 100_000, int refreshAheadSeconds = 60, int tenantRequestsPerMinute = 1_000_000)
    {
        var gateway = Prepare(requestsPerMinute, refreshAheadSeconds, tenantRequestsPerMinute);
        await gateway.StartAsync(issuer, populations);
        return gateway;
    }

    /// <summary>Starts the gateway with the populations service's HTTP API behind <c>/api/populations</c>.</summary>
    public Task StartAsync(Uri issuer, Uri populations) =>
        StartAsync(issuer, new Dictionary<string, string> { ["services__populations__http__0"] = ServiceProcess.Text(populations) });

    /// <summary>
    /// Starts the gateway trusting <paramref name="issuer"/>, with more settings as environment variables,
    /// e.g. <c>Gateway__GrpcServices__platform.testing.v1.Interop</c> and <c>services__interop__grpc__0</c>.
    /// </summary>
    public Task StartAsync(Uri issuer, IReadOnlyDictionary<string, string> settings)
    {
        _settings = new Dictionary<string, string>(settings) { ["Identity__Authority"] = ServiceProcess.Text(issuer) };
        return _process.StartAsync();
    }

    public ValueTask DisposeAsync() => _process.DisposeAsync();
}
