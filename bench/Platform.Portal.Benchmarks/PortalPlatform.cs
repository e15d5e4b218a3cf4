using Platform.Resources;
using Platform.Testing;

namespace Platform.Portal.Benchmarks;

/// <summary>
/// The parts a staff member's page passes through, started as the portal's tests start them: a private identity
/// provider that knows the gateway's callback, the five services with their demo data on the shared PostgreSQL and
/// RabbitMQ, the portal and the gateway, each its own process.
/// </summary>
internal sealed class PortalPlatform : IAsyncDisposable
{
    private readonly List<IAsyncDisposable> _started = [];

    private PortalPlatform(GatewayProcess gateway) => Gateway = gateway;

    public GatewayProcess Gateway { get; }

    public ServiceProcess Portal { get; private set; } = null!;

    public TokenClient Tokens { get; private set; } = null!;

    public static async Task<PortalPlatform> StartAsync()
    {
        var infrastructure = await SharedInfrastructure.GetAsync();
        var platform = new PortalPlatform(GatewayProcess.Prepare());
        try
        {
            await platform.StartPartsAsync(infrastructure);
            return platform;
        }
        catch
        {
            await platform.DisposeAsync();
            throw;
        }
    }

    private async Task StartPartsAsync(SharedInfrastructure infrastructure)
    {
        var identityProvider = await PrivateServers.StartIdentityProviderAsync(Gateway.BaseAddress);
        _started.Add(identityProvider);
        var issuer = ServiceProcess.Text(identityProvider.Server.Issuer);
        Tokens = new TokenClient(identityProvider.Server.Issuer);
        var broker = ServiceProcess.Text(await infrastructure.CreateVirtualHostAsync("portalbench"));

        var gatewaySettings = new Dictionary<string, string>();

        // Consumers before publishers, so the demo events find their queues.
        foreach (var service in new[] { PlatformResources.Budgets, PlatformResources.Outcomes, PlatformResources.Referrals, PlatformResources.Contracts, PlatformResources.Populations })
        {
            var environment = new Dictionary<string, string>
            {
                ["Identity__Authority"] = issuer,
                [$"ConnectionStrings__{service.Database}"] = await infrastructure.CreateDatabaseAsync("bench" + service.Name),
                [$"ConnectionStrings__{PlatformResources.Messaging}"] = broker,
            };
            var process = new ServiceProcess(service.Name, Path.GetFileNameWithoutExtension(service.Project), () => environment, servesGrpc: service.ServesGrpc);
            _started.Add(process);
            await process.StartAsync();
            gatewaySettings[$"services__{service.Name}__http__0"] = ServiceProcess.Text(process.BaseAddress);
        }

        Portal = new ServiceProcess(PlatformResources.Portal.Name, "Platform.Portal", () => new Dictionary<string, string>
        {
            ["Identity__Authority"] = issuer,
            ["Portal__GatewayUrl"] = ServiceProcess.Text(Gateway.BaseAddress),
        }, servesGrpc: false);
        _started.Add(Portal);
        await Portal.StartAsync();
        gatewaySettings[$"services__{PlatformResources.Portal.Name}__http__0"] = ServiceProcess.Text(Portal.BaseAddress);
        _started.Add(Gateway);
        await Gateway.StartAsync(identityProvider.Server.Issuer, gatewaySettings);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var part in Enumerable.Reverse(_started))
        {
            await part.DisposeAsync();
        }
    }
}
