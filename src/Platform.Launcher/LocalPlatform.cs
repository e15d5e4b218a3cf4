using Platform.Hosting;
using Platform.LocalInfrastructure;

namespace Platform.Launcher;

/// <summary>The servers and services of the local run, all kept under <c>.local/run/</c>.</summary>
internal sealed class LocalPlatform
{
    public LocalPlatform(string repositoryRoot)
    {
        RepositoryRoot = repositoryRoot;
        RunDirectory = LocalLayout.RunDirectory(repositoryRoot);
        ManifestFile = LocalLayout.ManifestFile(repositoryRoot);
        Postgres = new PostgresServer(RunDirectory);
        RabbitMq = new RabbitMqServer(RunDirectory, managementPlugin: true);
        Services = [.. PlatformResources.Services.Select(service =>
            new HttpProcessServer(service.Name, RunDirectory, ServiceCommand(service), readinessPath: "/health"))];
        Identity = new IdentityProviderServer(
            RunDirectory, repositoryRoot, Path.Combine(repositoryRoot, PlatformResources.RealmFile), realmVariables: RealmVariables());
    }

    public string RepositoryRoot { get; }

    public string RunDirectory { get; }

    public string ManifestFile { get; }

    public PostgresServer Postgres { get; }

    public RabbitMqServer RabbitMq { get; }

    /// <summary>The local stand-in for Keycloak, serving the realm file the AppHost imports (<see cref="PlatformResources.RealmFile"/>).</summary>
    public IdentityProviderServer Identity { get; }

    public IReadOnlyList<HttpProcessServer> Services { get; }

    public IEnumerable<ILocalServer> Servers => [Postgres, RabbitMq, Identity];

    public IEnumerable<ILocalServer> Everything => [.. Servers, .. Services];

    private HttpProcessCommand ServiceCommand(PlatformService service)
    {
        var projectDirectory = Path.GetDirectoryName(Path.Combine(RepositoryRoot, service.Project))!;
        var assembly = Path.Combine(
            projectDirectory, "bin", "Debug", "net10.0", Path.GetFileNameWithoutExtension(service.Project) + ".dll");
        return new HttpProcessCommand("dotnet", [assembly], projectDirectory, address => Environment(service, address));
    }

    /// <summary>The keys .NET Aspire's AppHost would inject, so a service cannot tell who started it.</summary>
    internal Dictionary<string, string> Environment(PlatformService service, Uri address)
    {
        var environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_URLS"] = WithoutSlash(address),
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["OTEL_SERVICE_NAME"] = service.Name,
        };
        if (service.Database is { } database)
        {
            environment[$"ConnectionStrings__{database}"] = Postgres.OwnerConnectionString(database);
        }
        if (service.UsesMessaging)
        {
            environment[$"ConnectionStrings__{PlatformResources.Messaging}"] = WithoutSlash(RabbitMq.AmqpUri);
        }
        // What the AppHost gives for Keycloak: its address by reference, the realm and authority by name.
        environment[$"services__{PlatformResources.Identity}__http__0"] = WithoutSlash(Identity.BaseAddress);
        environment["Identity__Realm"] = Identity.Realm;
        environment["Identity__Authority"] = Identity.Issuer.ToString();
        if (service.ServesGrpc)
        {
            environment[$"Kestrel__Endpoints__{PlatformResources.GrpcEndpoint}__Url"] = WithoutSlash(ServerOf(service).GrpcAddress);
        }
        foreach (var (other, server) in PlatformResources.Services.Zip(Services))
        {
            environment[$"services__{other.Name}__http__0"] = WithoutSlash(server.BaseAddress);
            if (other.ServesGrpc)
            {
                environment[$"services__{other.Name}__{PlatformResources.GrpcEndpoint}__0"] = WithoutSlash(server.GrpcAddress);
            }
        }
        return environment;
    }

    /// <summary>
    /// The realm file's placeholders that depend on this run: the gateway's address, for its redirect URIs.
    /// (Keycloak under the AppHost gets the same variable.)
    /// </summary>
    private Dictionary<string, string> RealmVariables() =>
        Services.FirstOrDefault(service => service.Name == PlatformResources.Gateway.Name) is { } gateway
            ? new() { ["PLATFORM_GATEWAY_URL"] = WithoutSlash(gateway.BaseAddress) }
            : [];

    private HttpProcessServer ServerOf(PlatformService service) => Services[PlatformResources.Services.ToList().IndexOf(service)];

    private static string WithoutSlash(Uri address) => address.ToString().TrimEnd('/');
}
