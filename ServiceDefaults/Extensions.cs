using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Platform.ServiceDefaults.Health;
using Platform.ServiceDefaults.Resilience;
using Platform.ServiceDefaults.ServiceDiscovery;
using Platform.ServiceDefaults.Telemetry;

// The namespace every host already imports, so Program.cs needs no using (as in Aspire's template).
namespace Microsoft.Extensions.Hosting;

/// <summary>What every platform service gets: telemetry, health checks, service addresses and resilient HTTP.</summary>
public static class Extensions
{
    /// <summary>
    /// Adds OpenTelemetry (exported over OTLP when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set), the
    /// <c>self</c> liveness check, resolution of <c>services:&lt;name&gt;:&lt;endpoint&gt;:&lt;index&gt;</c>
    /// addresses and a resilience pipeline on every HttpClient made by the factory.
    /// </summary>
    public static TBuilder AddServiceDefaults<TBuilder>(this TBuilder builder)
        where TBuilder : IHostApplicationBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddPlatformTelemetry();
        builder.Services.AddDefaultHealthChecks();
        builder.Services.AddServiceAddresses();
        builder.Services.ConfigureHttpClientDefaults(http => http.AddServiceAddressResolution());

        // After the factory's own registrations, so its logical-request logging stays outermost and
        // logs a call once, while its per-attempt logging sits inside the retries.
        builder.Services.AddHttpResilience(builder.Configuration);
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
