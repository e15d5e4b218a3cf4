using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Platform.Provider.Contracts.Identity;

namespace Platform.Hosting.Tests.Hosting;

/// <summary>
/// A real host on loopback built the way a service is: service defaults, an HTTP/1.1 listener for
/// REST and /health and an h2c listener for gRPC, JwtBearer, the Interop, health and provider
/// identity services.
/// </summary>
internal sealed class GrpcTestServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly StrongBox<int> _interopRequests;

    private GrpcTestServer(WebApplication app, SlowCalls slowCalls, StrongBox<int> interopRequests)
    {
        _app = app;
        _interopRequests = interopRequests;
        SlowCalls = slowCalls;
        GrpcAddress = app.Services.GetRequiredService<GrpcListener>().Address
            ?? throw new InvalidOperationException("The gRPC listener did not bind.");
        HttpAddress = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses
            .Select(a => new Uri(a))
            .First(a => a.Port != GrpcAddress.Port)
            .ToString());
    }

    /// <summary>The h2c listener, e.g. <c>http://127.0.0.1:41234</c>.</summary>
    public Uri GrpcAddress { get; }

    /// <summary>The HTTP/1.1 listener serving REST and <c>/health</c>.</summary>
    public Uri HttpAddress { get; }

    public SlowCalls SlowCalls { get; }

    /// <summary>Requests that reached this server for the Interop service, authorized or not: what a proxy in front let through.</summary>
    public int InteropRequests => Volatile.Read(ref _interopRequests.Value);

    public IServiceProvider Services => _app.Services;

    public static async Task<GrpcTestServer> StartAsync(
        IDictionary<string, string?>? settings = null, Action<WebApplicationBuilder>? configure = null, bool testTokens = true)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(GrpcTestServer).Assembly.GetName().Name,
            EnvironmentName = "Development",
        });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            [GrpcListener.UrlKey] = "http://127.0.0.1:0",
            ["Grpc:MaxReceiveMessageSize"] = (1024 * 1024).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Grpc:MaxSendMessageSize"] = (1024 * 1024).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["ProviderDirectory:Names:tom-in-de-buurt"] = "Tom in de buurt",
        });
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }

        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.AddServiceDefaults();
        builder.AddPlatformGrpc();
        builder.AddProviderIdentity();

        // Health.Watch follows the published health reports; publish often so the tests see changes soon.
        builder.Services.Configure<HealthCheckPublisherOptions>(publisher => (publisher.Delay, publisher.Period) = (TimeSpan.Zero, TimeSpan.FromSeconds(1)));
        if (testTokens)
        {
            TestTokens.AddTestAuthentication(builder.Services);
        }

        var slowCalls = new SlowCalls();
        builder.Services.AddSingleton(slowCalls);
        configure?.Invoke(builder);

        var app = builder.Build();
        var interopRequests = new StrongBox<int>();
        app.Use((context, next) =>
        {
            if (context.Request.Path.StartsWithSegments(InteropService.Path.TrimEnd('/'), StringComparison.Ordinal))
            {
                Interlocked.Increment(ref interopRequests.Value);
            }

            return next(context);
        });
        app.MapDefaultEndpoints();
        app.MapGet("/rest/ping", () => "pong");
        app.MapGrpcService<InteropService>();
        app.MapProviderIdentityService();
        app.MapPlatformGrpc();
        await app.StartAsync();
        return new GrpcTestServer(app, slowCalls, interopRequests);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

/// <summary>One server shared by the tests of a class: every test makes its own calls, so they stay independent.</summary>
public sealed class GrpcServerFixture : IAsyncLifetime
{
    private GrpcTestServer? _server;

    internal GrpcTestServer Server => _server ?? throw new InvalidOperationException("Not started.");

    public async Task InitializeAsync() => _server = await GrpcTestServer.StartAsync();

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
