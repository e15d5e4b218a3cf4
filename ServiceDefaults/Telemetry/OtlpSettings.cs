using System.Globalization;
using Microsoft.Extensions.Configuration;
using OpenTelemetry.Exporter;
using OpenTelemetry.Resources;

namespace Platform.ServiceDefaults.Telemetry;

internal enum TelemetrySignal
{
    Traces,
    Metrics,
    Logs,
}

/// <summary>
/// The standard <c>OTEL_*</c> variables, read through IConfiguration so that environment variables
/// (as Aspire and the launcher set them) and test configuration behave the same.
/// </summary>
internal sealed class OtlpSettings
{
    public required Uri Endpoint { get; init; }

    public required OtlpExportProtocol Protocol { get; init; }

    public string? Headers { get; init; }

    public required IReadOnlyDictionary<string, object> ResourceAttributes { get; init; }

    public int? MetricExportIntervalMilliseconds { get; init; }

    public string? Sampler { get; init; }

    public string? SamplerArgument { get; init; }

    /// <summary>Null when no endpoint is configured: then nothing is exported.</summary>
    public static OtlpSettings? FromConfiguration(IConfiguration configuration, string applicationName)
    {
        var endpoint = configuration["OTEL_EXPORTER_OTLP_ENDPOINT"];
        if (string.IsNullOrWhiteSpace(endpoint))
        {
            return null;
        }

        // "collector:4317" parses as a URI with scheme "collector"; only http and https can be exported to.
        if (!Uri.TryCreate(endpoint, UriKind.Absolute, out var endpointUri) || endpointUri.Scheme is not ("http" or "https"))
        {
            throw new InvalidOperationException($"OTEL_EXPORTER_OTLP_ENDPOINT '{endpoint}' is not an absolute http or https URI.");
        }

        return new OtlpSettings
        {
            Endpoint = endpointUri,
            Protocol = ParseProtocol(configuration["OTEL_EXPORTER_OTLP_PROTOCOL"]),
            Headers = configuration["OTEL_EXPORTER_OTLP_HEADERS"],
            ResourceAttributes = TelemetryResource.Attributes(configuration, applicationName),
            MetricExportIntervalMilliseconds = ParseMilliseconds(configuration, "OTEL_METRIC_EXPORT_INTERVAL"),
            Sampler = configuration["OTEL_TRACES_SAMPLER"],
            SamplerArgument = configuration["OTEL_TRACES_SAMPLER_ARG"],
        };
    }

    public void ApplyTo(OtlpExporterOptions options, TelemetrySignal signal)
    {
        // An endpoint set in code is used verbatim by the exporter, so the signal path the spec
        // prescribes for http/protobuf has to be appended here.
        options.Endpoint = Protocol == OtlpExportProtocol.HttpProtobuf ? SignalEndpoint(Endpoint, signal) : Endpoint;
        options.Protocol = Protocol;
        options.Headers = Headers;

        // Left alone, the log exporter takes its client from the host's IHttpClientFactory and so would
        // get the platform's retry and circuit breaker on top of its own retry, and a log line per export.
        var timeout = TimeSpan.FromMilliseconds(options.TimeoutMilliseconds);
        options.HttpClientFactory = () => new HttpClient { Timeout = timeout };
    }

    public ResourceBuilder CreateResourceBuilder() =>
        ResourceBuilder.CreateEmpty().AddTelemetrySdk().AddAttributes(ResourceAttributes);

    internal static Uri SignalEndpoint(Uri baseEndpoint, TelemetrySignal signal)
    {
        var path = signal switch
        {
            TelemetrySignal.Traces => "v1/traces",
            TelemetrySignal.Metrics => "v1/metrics",
            _ => "v1/logs",
        };
        var basePath = baseEndpoint.AbsolutePath.EndsWith('/') ? baseEndpoint.AbsolutePath : baseEndpoint.AbsolutePath + "/";
        return new UriBuilder(baseEndpoint) { Path = basePath + path }.Uri;
    }

    private static OtlpExportProtocol ParseProtocol(string? value) => value?.Trim() switch
    {
        null or "" or "grpc" => OtlpExportProtocol.Grpc,
        "http/protobuf" => OtlpExportProtocol.HttpProtobuf,
        _ => throw new InvalidOperationException(
            $"OTEL_EXPORTER_OTLP_PROTOCOL '{value}' is not supported; use 'grpc' or 'http/protobuf'."),
    };

    private static int? ParseMilliseconds(IConfiguration configuration, string key)
    {
        var value = configuration[key];
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var milliseconds) && milliseconds > 0
            ? milliseconds
            : throw new InvalidOperationException($"{key} '{value}' is not a positive number of milliseconds.");
    }
}
