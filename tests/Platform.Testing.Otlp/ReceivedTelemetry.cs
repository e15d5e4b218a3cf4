using System.Diagnostics;

namespace Platform.Testing.Otlp;

/// <summary>Which OTLP signal an export carried.</summary>
public enum OtlpSignal
{
    Traces,
    Metrics,
    Logs,
}

/// <summary>How an export reached the receiver (the values of <c>OTEL_EXPORTER_OTLP_PROTOCOL</c>).</summary>
public enum OtlpTransport
{
    /// <summary><c>http/protobuf</c>: one protobuf message per POST to /v1/{signal}.</summary>
    HttpProtobuf,

    /// <summary><c>grpc</c>: unary gRPC calls over cleartext HTTP/2.</summary>
    Grpc,
}

/// <summary>One export request as it arrived, before decoding.</summary>
public sealed record ReceivedExport(
    OtlpSignal Signal,
    OtlpTransport Transport,
    string Path,
    IReadOnlyDictionary<string, string> Headers);

/// <summary>A span, with ids as lower-case hex as W3C trace context writes them.</summary>
public sealed record ReceivedSpan(
    string TraceId,
    string SpanId,
    string? ParentSpanId,
    string Name,
    ActivityKind Kind,
    IReadOnlyDictionary<string, object?> Attributes,
    string ScopeName,
    IReadOnlyDictionary<string, object?> ResourceAttributes)
{
    /// <summary>The <c>service.name</c> resource attribute of the exporting process.</summary>
    public string? ServiceName => ResourceAttributes.GetValueOrDefault("service.name") as string;

    public object? Attribute(string key) => Attributes.GetValueOrDefault(key);
}

/// <summary>A log record; <see cref="TraceId"/> is null when it was written outside any span.</summary>
public sealed record ReceivedLogRecord(
    string? Body,
    string? TraceId,
    string? SpanId,
    string SeverityText,
    int SeverityNumber,
    IReadOnlyDictionary<string, object?> Attributes,
    string ScopeName,
    IReadOnlyDictionary<string, object?> ResourceAttributes)
{
    public string? ServiceName => ResourceAttributes.GetValueOrDefault("service.name") as string;
}

/// <summary>A metric stream by name; data points are not decoded.</summary>
public sealed record ReceivedMetric(
    string Name,
    string Unit,
    string ScopeName,
    IReadOnlyDictionary<string, object?> ResourceAttributes)
{
    public string? ServiceName => ResourceAttributes.GetValueOrDefault("service.name") as string;
}
