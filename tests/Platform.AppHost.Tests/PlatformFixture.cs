using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Microsoft.Extensions.DependencyInjection;
using Platform.LocalInfrastructure;
using Platform.Resources;
using Platform.Testing;

namespace Platform.AppHost.Tests;

/// <summary>
/// The real AppHost, started once for the tests of this assembly, with its servers as local programs under
/// <c>.local/test/apphost/</c>: apart from a running <c>./run.sh</c> (<c>.local/run/</c>) and the other test servers.
/// </summary>
public sealed class PlatformFixture : IAsyncLifetime
{
    // Generous: on a shared two-core machine seven services, three servers and the dashboard start together.
    private static readonly TimeSpan s_startTimeout = TimeSpan.FromMinutes(10);

    /// <summary>Every resource that reports health: the servers and the services.</summary>
    public static readonly string[] Resources =
    [
        PlatformResources.Postgres, PlatformResources.Messaging, PlatformResources.Identity,
        .. PlatformResources.Services.Select(service => service.Name),
    ];

    private DistributedApplication? _app;

    public DistributedApplication App => _app ?? throw new InvalidOperationException("The AppHost has not started.");

    public TokenClient Tokens { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var dataDirectory = Path.Combine(RepositoryRoot.Find(), ".local", "test", "apphost");
        // The dashboard too, on free ports and without a login, for the browser test.
        var dashboardUrl = $"http://127.0.0.1:{FreePort()}";
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.AppHost>(
            [
                "--Infrastructure:Mode=local", $"--Infrastructure:DataDirectory={dataDirectory}",
                $"--ASPNETCORE_URLS={dashboardUrl}", $"--ASPIRE_DASHBOARD_OTLP_HTTP_ENDPOINT_URL=http://127.0.0.1:{FreePort()}",
                $"--ASPIRE_RESOURCE_SERVICE_ENDPOINT_URL=http://127.0.0.1:{FreePort()}",
                "--ASPIRE_ALLOW_UNSECURED_TRANSPORT=true", "--ASPIRE_DASHBOARD_UNSECURED_ALLOW_ANONYMOUS=true",
            ],
            (options, _) =>
            {
                options.DisableDashboard = false;
                options.AllowUnsecuredTransport = true;
            });
        _app = await builder.BuildAsync();
        using var timeout = new CancellationTokenSource(s_startTimeout);
        await _app.StartAsync(timeout.Token);
        foreach (var resource in Resources)
        {
            await _app.ResourceNotifications.WaitForResourceHealthyAsync(resource, timeout.Token);
        }

        var identity = _app.GetEndpoint(PlatformResources.Identity, "http");
        Tokens = new TokenClient(new Uri($"http://127.0.0.1:{identity.Port}/realms/{PlatformResources.Realm}"));
    }

    /// <summary>The dashboard, which asks no login here; its port is the one the testing builder gave it.</summary>
    public Uri DashboardUrl()
    {
        var model = App.Services.GetRequiredService<DistributedApplicationModel>();
        var dashboard = model.Resources.OfType<IResourceWithEndpoints>().Single(resource => resource.Name == "aspire-dashboard");
        return new Uri(dashboard.GetEndpoints().First(endpoint => endpoint.EndpointName == "http").Url);
    }

    public ResourceCommandService Commands => App.Services.GetRequiredService<ResourceCommandService>();

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class PlatformTestGroup : ICollectionFixture<PlatformFixture>
{
    public const string Name = "The platform under its AppHost";
}
