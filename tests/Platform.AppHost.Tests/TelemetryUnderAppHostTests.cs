using System.Diagnostics;
using System.Net;
using Platform.Resources;
using Platform.Testing;
using Platform.Testing.Otlp;

namespace Platform.AppHost.Tests;

/// <summary>A service started the way the AppHost starts it serves, reports healthy and reaches the dashboard.</summary>
public sealed class TelemetryUnderAppHostTests
{
    private const string ApiKey = "5f1c0e7a9b3d4e6f8a2b4c6d8e0f1a3b";

    [Fact]
    public async Task Gateway_with_the_apphost_environment_serves_is_healthy_and_exports_with_the_api_key()
    {
        var identity = await SharedInfrastructure.GetIdentityProviderAsync();
        await using var dashboard = await OtlpReceiver.StartAsync();
        await using var gateway = await AppHostInjectedGateway.StartAsync(identity, dashboard.GrpcEndpoint, ApiKey);
        using var client = new HttpClient { BaseAddress = gateway.BaseAddress };

        using var home = await client.GetAsync(new Uri("/", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        Assert.Contains("Population funding platform", await home.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var health = await client.GetAsync(new Uri("/health", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Contains("Healthy", await health.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var span = await dashboard.WaitForSpanAsync(s => s.Kind == ActivityKind.Server && s.Attribute("url.path") as string == "/");
        Assert.Equal(PlatformResources.Gateway.Name, span.ServiceName);
        Assert.Equal(gateway.InstanceId, span.ResourceAttributes["service.instance.id"]);
        await dashboard.WaitForMetricAsync(m => m.ServiceName == PlatformResources.Gateway.Name);
        await dashboard.WaitForLogAsync(l => l.ServiceName == PlatformResources.Gateway.Name);

        // The dashboard refuses OTLP without its key, so every export must carry it, whatever the signal.
        var exports = dashboard.Exports;
        Assert.Equal([OtlpSignal.Traces, OtlpSignal.Metrics, OtlpSignal.Logs], exports.Select(e => e.Signal).Distinct().Order());
        Assert.All(exports, export =>
        {
            Assert.Equal(OtlpTransport.Grpc, export.Transport);
            Assert.Equal(ApiKey, export.Headers.GetValueOrDefault("x-otlp-api-key"));
        });
    }
}
