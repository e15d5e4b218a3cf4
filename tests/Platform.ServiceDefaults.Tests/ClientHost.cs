using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Platform.ServiceDefaults.Tests;

/// <summary>A non-web host with the service defaults, for code that only makes outgoing calls.</summary>
internal static class ClientHost
{
    public static IHost Build(IEnumerable<KeyValuePair<string, string?>> settings, Action<IServiceCollection>? configureServices = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ApplicationName = "client-under-test" });
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["OTEL_EXPORTER_OTLP_ENDPOINT"] = "" });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddServiceDefaults();
        configureServices?.Invoke(builder.Services);
        return builder.Build();
    }

    public static HttpClient CreateClient(this IHost host, string name) =>
        host.Services.GetRequiredService<IHttpClientFactory>().CreateClient(name);
}
