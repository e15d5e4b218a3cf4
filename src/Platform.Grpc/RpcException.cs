namespace Platform.Grpc;

/// <summary>
/// A call that ended with a status other than OK. A server handler throws it to choose the status the
/// caller sees; the client throws it when a call fails. <see cref="Exception.Message"/> is for logs;
/// <see cref="Detail"/> is what travels as <c>grpc-message</c>.
/// </summary>
public class RpcException : Exception
{
    public RpcException(StatusCode statusCode, string detail)
        : this(statusCode, detail, trailers: null, fieldViolations: null)
    {
    }

    public RpcException(StatusCode statusCode, string detail, Metadata? trailers, IReadOnlyList<FieldViolation>? fieldViolations = null, Exception? innerException = null)
        : base($"Status({statusCode}, \"{detail}\")", innerException)
    {
        StatusCode = statusCode;
        Detail = detail ?? "";
        Trailers = trailers ?? new Metadata();
        FieldViolations = fieldViolations ?? [];
    }

    public RpcException()
        : this(StatusCode.Unknown, "")
    {
    }

    public RpcException(string message)
        : this(StatusCode.Unknown, message)
    {
    }

    public RpcException(string message, Exception innerException)
        : this(StatusCode.Unknown, message, trailers: null, fieldViolations: null, innerException)
    {
    }

    public StatusCode StatusCode { get; }

    /// <summary>The status message (<c>grpc-message</c>): written for the caller's developer, never an exception's text.</summary>
    public string Detail { get; }

    /// <summary>Custom trailing metadata: sent by a server, received by a client.</summary>
    public Metadata Trailers { get; }

    /// <summary>The invalid fields, carried in <c>grpc-status-details-bin</c> as <c>google.rpc.BadRequest</c>.</summary>
    public IReadOnlyList<FieldViolation> FieldViolations { get; }

    /// <summary>INVALID_ARGUMENT with one violation per invalid field.</summary>
    public static RpcException InvalidArgument(string detail, IEnumerable<FieldViolation> violations)
    {
        ArgumentNullException.ThrowIfNull(violations);
        return new RpcException(StatusCode.InvalidArgument, detail, trailers: null, [.. violations]);
    }
}
