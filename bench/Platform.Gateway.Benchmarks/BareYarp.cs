using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Yarp.ReverseProxy.Configuration;

namespace Platform.Gateway.Benchmarks;

/// <summary>
/// YARP with nothing configured beyond one catch-all route to the backend: no authentication, rate
/// limiting, transforms or telemetry. Whatever the gateway costs above it is the gateway's own; what
/// this costs above nginx is YARP's and ASP.NET Core's. This benchmark's program runs it in a process
/// of its own, started with <see cref="Command"/>.
/// </summary>
internal static class BareYarp
{
    public const string Command = "bare-yarp";

    public static async Task<int> RunAsync(string listenUrl, string backend)
    {
        var builder = WebApplication.CreateBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.UseUrls(listenUrl);
        builder.Services.AddReverseProxy().LoadFromMemory(
            [new RouteConfig { RouteId = "all", ClusterId = "backend", Match = new RouteMatch { Path = "/{**rest}" } }],
            [new ClusterConfig
            {
                ClusterId = "backend",
                Destinations = new Dictionary<string, DestinationConfig> { ["backend"] = new() { Address = backend } },
            }]);
        var app = builder.Build();
        app.MapReverseProxy();
        await app.RunAsync();
        return 0;
    }
}

/// <summary>The bare YARP proxy as a child process of the benchmark (this program, started with <see cref="BareYarp.Command"/>).</summary>
internal sealed class BareYarpServer(string rootDirectory, Uri backend) : ChildServer("bare-yarp", rootDirectory)
{
    protected override string ReadinessPath => PingBackend.PingPath;

    protected override Task PrepareAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    protected override Task<int> LaunchAsync(CancellationToken cancellationToken) =>
        Task.FromResult(StartChild(
            "dotnet",
            [typeof(BareYarp).Assembly.Location, BareYarp.Command, BaseAddress.ToString().TrimEnd('/'), backend.ToString().TrimEnd('/')],
            new Dictionary<string, string> { ["ASPNETCORE_ENVIRONMENT"] = "Development" },
            AppContext.BaseDirectory));
}
