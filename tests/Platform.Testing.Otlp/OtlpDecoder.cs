using System.Diagnostics;
using Google.Protobuf;
using Google.Protobuf.Collections;
using Platform.Testing.Otlp.Protocol;

namespace Platform.Testing.Otlp;

/// <summary>Turns the generated protobuf messages into the receiver's plain records.</summary>
internal static class OtlpDecoder
{
    public static IEnumerable<ReceivedSpan> Spans(ExportTraceServiceRequest request) =>
        from resourceSpans in request.ResourceSpans
        let resource = Attributes(resourceSpans.Resource?.Attributes)
        from scopeSpans in resourceSpans.ScopeSpans
        from span in scopeSpans.Spans
        select new ReceivedSpan(
            Hex(span.TraceId)!,
            Hex(span.SpanId)!,
            Hex(span.ParentSpanId),
            span.Name,
            Kind(span.Kind),
            Attributes(span.Attributes),
            scopeSpans.Scope?.Name ?? "",
            resource);

    public static IEnumerable<ReceivedLogRecord> Logs(ExportLogsServiceRequest request) =>
        from resourceLogs in request.ResourceLogs
        let resource = Attributes(resourceLogs.Resource?.Attributes)
        from scopeLogs in resourceLogs.ScopeLogs
        from record in scopeLogs.LogRecords
        select new ReceivedLogRecord(
            record.Body is null ? null : Value(record.Body)?.ToString(),
            Hex(record.TraceId),
            Hex(record.SpanId),
            record.SeverityText,
            record.SeverityNumber,
            Attributes(record.Attributes),
            scopeLogs.Scope?.Name ?? "",
            resource);

    public static IEnumerable<ReceivedMetric> Metrics(ExportMetricsServiceRequest request) =>
        from resourceMetrics in request.ResourceMetrics
        let resource = Attributes(resourceMetrics.Resource?.Attributes)
        from scopeMetrics in resourceMetrics.ScopeMetrics
        from metric in scopeMetrics.Metrics
        select new ReceivedMetric(metric.Name, metric.Unit, scopeMetrics.Scope?.Name ?? "", resource);

    private static string? Hex(ByteString id) =>
        id.IsEmpty ? null : Convert.ToHexStringLower(id.Span);

    private static ActivityKind Kind(SpanKind kind) => kind switch
    {
        SpanKind.Server => ActivityKind.Server,
        SpanKind.Client => ActivityKind.Client,
        SpanKind.Producer => ActivityKind.Producer,
        SpanKind.Consumer => ActivityKind.Consumer,
        _ => ActivityKind.Internal,
    };

    private static Dictionary<string, object?> Attributes(RepeatedField<KeyValue>? attributes)
    {
        var result = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var attribute in attributes ?? [])
        {
            result[attribute.Key] = attribute.Value is null ? null : Value(attribute.Value);
        }

        return result;
    }

    private static object? Value(AnyValue value) => value.ValueCase switch
    {
        AnyValue.ValueOneofCase.StringValue => value.StringValue,
        AnyValue.ValueOneofCase.BoolValue => value.BoolValue,
        AnyValue.ValueOneofCase.IntValue => value.IntValue,
        AnyValue.ValueOneofCase.DoubleValue => value.DoubleValue,
        AnyValue.ValueOneofCase.BytesValue => value.BytesValue.ToByteArray(),
        AnyValue.ValueOneofCase.ArrayValue => value.ArrayValue.Values.Select(Value).ToArray(),
        AnyValue.ValueOneofCase.KvlistValue => Attributes(value.KvlistValue.Values),
        _ => null,
    };
}
