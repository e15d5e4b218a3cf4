using System.IO.Compression;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Platform.Testing.Otlp;

/// <summary>Reads OTLP export requests off the wire and hands the decoded message bytes to the receiver.</summary>
internal static class OtlpEndpoints
{
    private const string ProtobufContentType = "application/x-protobuf";

    private static readonly Dictionary<string, OtlpSignal> HttpPaths = new(StringComparer.Ordinal)
    {
        ["/v1/traces"] = OtlpSignal.Traces,
        ["/v1/metrics"] = OtlpSignal.Metrics,
        ["/v1/logs"] = OtlpSignal.Logs,
    };

    // Full method names of the OTLP collector services' unary Export calls.
    private static readonly Dictionary<string, OtlpSignal> GrpcPaths = new(StringComparer.Ordinal)
    {
        ["/opentelemetry.proto.collector.trace.v1.TraceService/Export"] = OtlpSignal.Traces,
        ["/opentelemetry.proto.collector.metrics.v1.MetricsService/Export"] = OtlpSignal.Metrics,
        ["/opentelemetry.proto.collector.logs.v1.LogsService/Export"] = OtlpSignal.Logs,
    };

    public static async Task HandleAsync(HttpContext context, Action<ReceivedExport, byte[]> accept)
    {
        var request = context.Request;
        var path = request.Path.Value ?? "";
        if (!HttpMethods.IsPost(request.Method))
        {
            context.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
            return;
        }

        var body = await ReadBodyAsync(request, context.RequestAborted);
        if (GrpcPaths.TryGetValue(path, out var grpcSignal) && request.ContentType?.StartsWith("application/grpc", StringComparison.Ordinal) == true)
        {
            var message = GrpcFrames.ReadSingleMessage(body, request.Headers["grpc-encoding"]);
            accept(Export(grpcSignal, OtlpTransport.Grpc, request), message);
            await WriteGrpcOkAsync(context.Response);
        }
        else if (HttpPaths.TryGetValue(path, out var httpSignal))
        {
            if (request.ContentType?.StartsWith(ProtobufContentType, StringComparison.Ordinal) != true)
            {
                // OTLP/HTTP JSON is valid OTLP but no exporter here sends it; fail loudly rather than record nothing.
                context.Response.StatusCode = StatusCodes.Status415UnsupportedMediaType;
                return;
            }

            var message = string.Equals(request.Headers.ContentEncoding, "gzip", StringComparison.OrdinalIgnoreCase) ? Gunzip(body) : body;
            accept(Export(httpSignal, OtlpTransport.HttpProtobuf, request), message);
            context.Response.StatusCode = StatusCodes.Status200OK;
            context.Response.ContentType = ProtobufContentType;
        }
        else
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
        }
    }

    private static ReceivedExport Export(OtlpSignal signal, OtlpTransport transport, HttpRequest request) =>
        new(signal, transport, request.Path.Value ?? "", request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase));

    private static async Task WriteGrpcOkAsync(HttpResponse response)
    {
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/grpc";
        await response.Body.WriteAsync(GrpcFrames.EmptyMessage());
        if (response.HttpContext.Features.Get<IHttpResponseTrailersFeature>() is { } trailers)
        {
            trailers.Trailers["grpc-status"] = "0";
        }
        else
        {
            response.Headers["grpc-status"] = "0";
        }
    }

    private static async Task<byte[]> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, cancellationToken);
        return buffer.ToArray();
    }

    private static byte[] Gunzip(byte[] body)
    {
        using var gzip = new GZipStream(new MemoryStream(body), CompressionMode.Decompress);
        using var plain = new MemoryStream();
        gzip.CopyTo(plain);
        return plain.ToArray();
    }
}
