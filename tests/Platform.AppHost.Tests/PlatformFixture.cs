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
    private static readonly TimeSpan s_startTimeout = TimeSpan.FromMinutes(6);

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
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.AppHost>(
            ["--Infrastructure:Mode=local", $"--Infrastructure:DataDirectory={dataDirectory}"]);
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

    public ResourceCommandService Commands => App.Services.GetRequiredService<ResourceCommandService>();

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
