namespace Platform.Grpc.Client;

public sealed class GrpcClientOptions
{
    /// <summary>Gives the bearer token sent as <c>authorization: Bearer …</c> with each call; null or an empty token sends none.</summary>
    public Func<CancellationToken, ValueTask<string?>>? AccessTokenProvider { get; set; }

    /// <summary>The largest response message accepted, in bytes; larger ones end the call in RESOURCE_EXHAUSTED.</summary>
    public int MaxReceiveMessageSize { get; set; } = 4 * 1024 * 1024;

    /// <summary>The largest request message sent, in bytes.</summary>
    public int MaxSendMessageSize { get; set; } = 4 * 1024 * 1024;

    /// <summary>Send request messages gzip-compressed (<c>grpc-encoding: gzip</c>).</summary>
    public bool CompressRequests { get; set; }

    public string UserAgent { get; set; } = "platform-grpc-dotnet/1.0";
}

/// <summary>Per-call settings.</summary>
public sealed class CallOptions
{
    /// <summary>Custom metadata sent as request headers.</summary>
    public Metadata? Headers { get; init; }

    /// <summary>How long the caller waits; sent as <c>grpc-timeout</c> and enforced locally too.</summary>
    public TimeSpan? Timeout { get; init; }

    /// <summary>An absolute deadline; the earlier of this and <see cref="Timeout"/> applies.</summary>
    public DateTimeOffset? Deadline { get; init; }

    public CancellationToken CancellationToken { get; init; }

    internal DateTimeOffset? EffectiveDeadline(DateTimeOffset now)
    {
        var fromTimeout = Timeout is { } timeout ? now + timeout : (DateTimeOffset?)null;
        return (fromTimeout, Deadline) switch
        {
            (null, null) => null,
            ({ } a, null) => a,
            (null, { } b) => b,
            ({ } a, { } b) => a < b ? a : b,
        };
    }
}

/// <summary>A unary response with the metadata that came with it.</summary>
public sealed record GrpcResponse<T>(T Message, Metadata Headers, Metadata Trailers);
