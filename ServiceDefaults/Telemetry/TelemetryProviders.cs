using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using OpenTelemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Platform.ServiceDefaults.Health;

namespace Platform.ServiceDefaults.Telemetry;

/// <summary>
/// Owns the tracer and meter providers for the host's lifetime (the hosting package that would do
/// this is not available). They are built before any hosted service starts, and flushed and closed
/// after every hosted service, the web server included, has stopped, so the spans of the last
/// requests are exported before the process exits.
/// </summary>
internal sealed class TelemetryProviders(
    OtlpSettings settings,
    IOptions<TelemetryOptions> options,
    IConfiguration configuration,
    IServiceProvider services) : IHostedLifecycleService, IDisposable
{
    // Registered by ILoggingBuilder.AddOpenTelemetry; resolved now because the container is gone by Dispose.
    private readonly LoggerProvider? loggerProvider = services.GetService<LoggerProvider>();

    private const int FlushTimeoutMilliseconds = 5_000;

    private TracerProvider? tracerProvider;
    private MeterProvider? meterProvider;

    public Task StartingAsync(CancellationToken cancellationToken)
    {
        tracerProvider ??= BuildTracerProvider();
        meterProvider ??= BuildMeterProvider();
        return Task.CompletedTask;
    }

    public Task StoppedAsync(CancellationToken cancellationToken)
    {
        // Flush all three before closing any, so one slow exporter cannot cost the others their data.
        tracerProvider?.ForceFlush(FlushTimeoutMilliseconds);
        meterProvider?.ForceFlush(FlushTimeoutMilliseconds);
        loggerProvider?.ForceFlush(FlushTimeoutMilliseconds);
        Dispose();
        return Task.CompletedTask;
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Also reached without a stop (a host that failed to start); disposing a provider flushes it too.</summary>
    public void Dispose()
    {
        tracerProvider?.Dispose();
        meterProvider?.Dispose();
        tracerProvider = null;
        meterProvider = null;
    }

    private TracerProvider BuildTracerProvider() =>
        Sdk.CreateTracerProviderBuilder()
            // The SDK reads its remaining OTEL_* settings (batch sizes, delays, limits) from this.
            .ConfigureServices(sdk => sdk.AddSingleton(configuration))
            .SetResourceBuilder(settings.CreateResourceBuilder())
            .SetSampler(new ProbeFilteringSampler(TraceSampling.Create(settings.Sampler, settings.SamplerArgument), HealthEndpoints.ProbePaths))
            .AddSource([.. TelemetrySources.ActivitySources, .. options.Value.ActivitySources])
            .AddOtlpExporter(exporter => settings.ApplyTo(exporter, TelemetrySignal.Traces))
            .Build();

    private MeterProvider BuildMeterProvider() =>
        Sdk.CreateMeterProviderBuilder()
            .ConfigureServices(sdk => sdk.AddSingleton(configuration))
            .SetResourceBuilder(settings.CreateResourceBuilder())
            .AddMeter([.. TelemetrySources.Meters, .. options.Value.Meters])
            .AddOtlpExporter((exporter, reader) =>
            {
                settings.ApplyTo(exporter, TelemetrySignal.Metrics);
                if (settings.MetricExportIntervalMilliseconds is { } interval)
                {
                    reader.PeriodicExportingMetricReaderOptions.ExportIntervalMilliseconds = interval;
                }
            })
            .Build();
}
