using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Platform.ServiceDefaults.Health;
using Platform.ServiceDefaults.Telemetry;

// The namespace every host already imports, so Program.cs needs no using (as in Aspire's template).
namespace Microsoft.Extensions.Hosting;

/// <summary>What every platform service gets: telemetry, health checks, service discovery and resilient HTTP.</summary>
public static class Extensions
{
    /// <summary>
    /// Adds OpenTelemetry (exported over OTLP when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set), the
    /// <c>self</c> liveness check, and service discovery (<c>http://name</c> resolved from
    /// <c>services:name:http:0</c>) with the standard resilience handler on every HttpClient.
    /// </summary>
    public static TBuilder AddServiceDefaults<TBuilder>(this TBuilder builder)
        where TBuilder : IHostApplicationBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddPlatformTelemetry();
        builder.Services.AddDefaultHealthChecks();
        builder.Services.AddServiceDiscovery();
        builder.Services.ConfigureHttpClientDefaults(http =>
        {
            // A POST may have taken effect before the failure, so only safe methods are repeated.
            http.AddStandardResilienceHandler(resilience => resilience.Retry.DisableForUnsafeHttpMethods());
            http.AddServiceDiscovery();
        });
        return builder;
    }

    /// <summary>Maps <c>/health</c> (every check) and <c>/alive</c> (checks tagged <c>live</c>), both anonymous.</summary>
    public static WebApplication MapDefaultEndpoints(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapHealthEndpoints();
        return app;
    }
}
