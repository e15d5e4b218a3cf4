namespace Platform.Gateway;

/// <summary>The gateway's own settings, bound from the configuration section <c>Gateway</c>.</summary>
public sealed class GatewayOptions
{
    public const string SectionName = "Gateway";

    /// <summary>
    /// The services behind the gateway. <c>/api/&lt;name&gt;/...</c> is forwarded to the address
    /// <c>services:&lt;name&gt;:http:0</c>; a service without an address has no route.
    /// </summary>
    public IList<string> Services { get; } = [];

    /// <summary>
    /// Provider gRPC services by full name (<c>platform.provider.v1.ReferralIntake</c>) and the platform
    /// service that owns each; they are forwarded over HTTP/2 to <c>services:&lt;owner&gt;:grpc:0</c>.
    /// </summary>
    public IDictionary<string, string> GrpcServices { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Requests one caller (a staff member, or a provider system's client) may make per minute.</summary>
    public int RequestsPerMinute { get; set; } = 600;

    /// <summary>Requests all callers of one tenant (a municipality, provider or region) may make together per minute.</summary>
    public int TenantRequestsPerMinute { get; set; } = 3000;

    /// <summary>
    /// A caller's budget per minute for one route instead of <see cref="RequestsPerMinute"/>, keyed by service
    /// (<c>populations</c> for <c>/api/populations/...</c>) or gRPC service (<c>platform.provider.v1.ProviderReferrals</c>).
    /// </summary>
    public IDictionary<string, int> RouteRequestsPerMinute { get; } = new Dictionary<string, int>(StringComparer.Ordinal);

    /// <summary>Largest request body accepted, in bytes.</summary>
    public long MaxRequestBodyBytes { get; set; } = 16 * 1024 * 1024;

    /// <summary>A browser session's access token is refreshed when it has less than this left to live.</summary>
    public TimeSpan RefreshAhead { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>The browser login's confidential client.</summary>
    public string ClientId { get; set; } = "platform-gateway";

    public string? ClientSecret { get; set; }

    /// <summary>
    /// The gateway's address as browsers reach it (<c>https://platform.example.nl</c>), behind any proxy: the login
    /// callback and the address after logout are built from it. Required outside Development.
    /// </summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>The reverse proxies whose forwarded headers the gateway believes.</summary>
    public ForwardedHeadersSettings ForwardedHeaders { get; } = new();
}

/// <summary>Addresses (<c>10.0.0.5</c>) and networks (<c>10.0.0.0/24</c>) of the proxies in front of the gateway.</summary>
public sealed class ForwardedHeadersSettings
{
    public IList<string> KnownProxies { get; } = [];

    public IList<string> KnownNetworks { get; } = [];
}
