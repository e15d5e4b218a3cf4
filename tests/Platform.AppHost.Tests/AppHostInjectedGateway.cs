using Platform.Resources;
using Platform.LocalInfrastructure;
using Platform.Testing;

namespace Platform.AppHost.Tests;

/// <summary>
/// The gateway as its own process, configured with exactly the environment variables the AppHost injects into it
/// (AppHost.cs and Aspire's project defaults), with local stand-ins for Keycloak and the dashboard's OTLP endpoint.
/// </summary>
internal sealed class AppHostInjectedGateway : IAsyncDisposable
{
    private readonly string _directory = PrivateServers.NewDirectory();
    private readonly HttpProcessServer _server;

    private AppHostInjectedGateway(IdentityProviderServer identity, Uri otlpEndpoint, string apiKey)
    {
        var project = Path.Combine(RepositoryRoot.Find(), "src", "Platform.Gateway");
        var assembly = Path.Combine(project, "bin", "Debug", "net10.0", "Platform.Gateway.dll");
        // Nothing listens there: the gateway only needs the addresses to build its routes.
        var populations = $"http://localhost:{UnusedPort()}";
        var populationsGrpc = $"http://localhost:{UnusedPort()}";
        var keycloak = identity.BaseAddress.ToString().TrimEnd('/');
        var command = new HttpProcessCommand("dotnet", [assembly], project, address => new Dictionary<string, string>
        {
            // Aspire's project defaults: the http endpoint in ASPNETCORE_URLS, the grpc one as its Kestrel endpoint.
            ["ASPNETCORE_URLS"] = $"http://localhost:{address.Port}",
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            [$"Kestrel__Endpoints__{PlatformResources.GrpcEndpoint}__Url"] = $"http://localhost:{_server!.GrpcAddress.Port}",
            ["ASPIRE_ALLOW_UNSECURED_TRANSPORT"] = "true",
            ["OTEL_DOTNET_EXPERIMENTAL_OTLP_RETRY"] = "in_memory",
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = otlpEndpoint.ToString().TrimEnd('/'),
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "grpc",
            ["OTEL_EXPORTER_OTLP_HEADERS"] = $"x-otlp-api-key={apiKey}",
            ["OTEL_SERVICE_NAME"] = PlatformResources.Gateway.Name,
            ["OTEL_RESOURCE_ATTRIBUTES"] = $"service.instance.id={InstanceId}",
            ["OTEL_METRIC_EXPORT_INTERVAL"] = "1000",
            ["OTEL_TRACES_SAMPLER"] = "always_on",
            ["OTEL_BSP_SCHEDULE_DELAY"] = "1000",
            ["OTEL_BLRP_SCHEDULE_DELAY"] = "1000",
            // WithReference(populations): every endpoint of the referenced project, in both of Aspire's forms.
            [$"services__{PlatformResources.Populations.Name}__http__0"] = populations,
            [$"services__{PlatformResources.Populations.Name}__{PlatformResources.GrpcEndpoint}__0"] = populationsGrpc,
            ["POPULATIONS_HTTP"] = populations,
            ["POPULATIONS_GRPC"] = populationsGrpc,
            // WithIdentity(keycloak): its address by reference, the realm and issuer by name.
            [$"services__{PlatformResources.Identity}__http__0"] = keycloak,
            ["KEYCLOAK_HTTP"] = keycloak,
            ["Identity__Realm"] = PlatformResources.Realm,
            ["Identity__Authority"] = $"{keycloak}/realms/{PlatformResources.Realm}",
            // The gateway-client-secret parameter; the local identity provider knows the realm's development default.
            ["Gateway__ClientSecret"] = "gateway-dev-secret",
        });
        _server = new HttpProcessServer(PlatformResources.Gateway.Name, _directory, command, "/alive");
    }

    public string InstanceId { get; } = "gateway-" + Guid.NewGuid().ToString("N")[..8];

    public Uri BaseAddress => _server.BaseAddress;

    public static async Task<AppHostInjectedGateway> StartAsync(IdentityProviderServer identity, Uri otlpEndpoint, string apiKey)
    {
        var gateway = new AppHostInjectedGateway(identity, otlpEndpoint, apiKey);
        await gateway._server.StartAsync();
        return gateway;
    }

    public async ValueTask DisposeAsync()
    {
        await _server.StopAsync();
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    private static int UnusedPort()
    {
        using var probe = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        probe.Start();
        return ((System.Net.IPEndPoint)probe.LocalEndpoint).Port;
    }
}
