using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Platform.ServiceDefaults.Health;

namespace Platform.ServiceDefaults.Telemetry;

internal static class TelemetryRegistration
{
    /// <summary>Libraries the platform uses that emit traces and metrics under these names themselves.</summary>
    private static readonly string[] LibrarySources = ["Npgsql", "MassTransit", "Grpc.Net.Client", "Platform", "Platform.*"];

    private static readonly string[] LibraryMeters = ["Npgsql", "MassTransit", "Platform", "Platform.*"];

    public static void AddPlatformTelemetry(this IHostApplicationBuilder builder)
    {
        builder.Logging.AddOpenTelemetry(logging =>
        {
            logging.IncludeFormattedMessage = true;
            logging.IncludeScopes = true;
        });

        // Service name, resource attributes, sampler, batch delays and the metric interval come from
        // the standard OTEL_* settings, which the SDK reads from configuration itself.
        var telemetry = builder.Services.AddOpenTelemetry()
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddMeter(LibraryMeters))
            .WithTracing(tracing => tracing
                .AddAspNetCoreInstrumentation(aspNetCore => aspNetCore.Filter = context => !IsProbe(context.Request.Path))
                .AddHttpClientInstrumentation()
                .AddSource(LibrarySources));

        if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            // Endpoint, protocol and headers come from OTEL_EXPORTER_OTLP_*; the exporter reads them itself.
            telemetry
                .WithTracing(tracing => tracing.AddOtlpExporter(UseOwnHttpClient))
                .WithMetrics(metrics => metrics.AddOtlpExporter(UseOwnHttpClient))
                .WithLogging(logging => logging.AddOtlpExporter(UseOwnHttpClient));
        }
    }

    /// <summary>
    /// Probes arrive every few seconds and would bury real requests; a filtered request is not
    /// recorded, and neither are its children (such as a health check's query).
    /// </summary>
    private static bool IsProbe(PathString path) =>
        path.StartsWithSegments(HealthEndpoints.HealthPath) || path.StartsWithSegments(HealthEndpoints.AlivePath);

    /// <summary>
    /// Left alone, the exporters take their clients from the host's IHttpClientFactory and so would get
    /// the platform's retries on top of their own, and a log line per export.
    /// </summary>
    private static void UseOwnHttpClient(OtlpExporterOptions exporter)
    {
        var timeout = TimeSpan.FromMilliseconds(exporter.TimeoutMilliseconds);
        exporter.HttpClientFactory = () => new HttpClient { Timeout = timeout };
    }
}
