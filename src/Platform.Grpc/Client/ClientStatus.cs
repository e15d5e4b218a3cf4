using System.Net;
using System.Net.Http.Headers;
using Platform.Grpc.Protocol;

namespace Platform.Grpc.Client;

/// <summary>How a client learns a call's status: from grpc-status, an HTTP status, or a transport failure.</summary>
internal static class ClientStatus
{
    /// <summary>The status in these headers or trailers, or null when there is none.</summary>
    public static RpcException? FromMetadata(HttpHeaders headers, out StatusCode? code)
    {
        code = null;
        if (!headers.TryGetValues(GrpcProtocol.StatusHeader, out var values))
        {
            return null;
        }

        var text = values.FirstOrDefault();
        if (!int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value))
        {
            code = StatusCode.Unknown;
            return new RpcException(StatusCode.Unknown, $"Unparseable grpc-status '{text}'.");
        }

        code = (StatusCode)value;
        if (code == StatusCode.OK)
        {
            return null;
        }

        var detail = headers.TryGetValues(GrpcProtocol.MessageHeader, out var messages) ? PercentEncoding.Decode(messages.First()) : "";
        var violations = headers.TryGetValues(GrpcProtocol.StatusDetailsHeader, out var details)
            ? StatusDetails.DecodeFieldViolations(TryDecode(details.First()))
            : [];
        return new RpcException(code.Value, detail, MetadataHeaders.FromHeaders(headers), violations);
    }

    /// <summary>The gRPC code for a response that is not HTTP 200 (gRPC's http-grpc-status-mapping).</summary>
    public static StatusCode FromHttpStatus(HttpStatusCode status) => status switch
    {
        HttpStatusCode.BadRequest => StatusCode.Internal,
        HttpStatusCode.Unauthorized => StatusCode.Unauthenticated,
        HttpStatusCode.Forbidden => StatusCode.PermissionDenied,
        HttpStatusCode.NotFound => StatusCode.Unimplemented,
        HttpStatusCode.TooManyRequests or HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout => StatusCode.Unavailable,
        _ => StatusCode.Unknown,
    };

    /// <summary>The status for an HTTP/2 stream reset by the server (RST_STREAM error code).</summary>
    public static StatusCode? FromTransport(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is HttpProtocolException protocol)
            {
                return protocol.ErrorCode switch
                {
                    0x7 => StatusCode.Unavailable,
                    0x8 => StatusCode.Cancelled,
                    0xb => StatusCode.ResourceExhausted,
                    0xc => StatusCode.PermissionDenied,
                    _ => StatusCode.Internal,
                };
            }
        }

        return exception is HttpRequestException or IOException ? StatusCode.Unavailable : null;
    }

    private static byte[]? TryDecode(string value)
    {
        try
        {
            return MetadataHeaders.DecodeBase64(value);
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
