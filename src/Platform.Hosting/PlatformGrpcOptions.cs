namespace Platform.Hosting;

/// <summary>Limits and choices of the gRPC server, bound from the configuration section <c>Grpc</c>.</summary>
public sealed class PlatformGrpcOptions
{
    public const string SectionName = "Grpc";

    /// <summary>The largest request message accepted, in bytes (after decompression); larger ones end in RESOURCE_EXHAUSTED.</summary>
    public int MaxReceiveMessageSize { get; set; } = 4 * 1024 * 1024;

    /// <summary>The largest response message sent, in bytes; a handler returning a larger one ends in RESOURCE_EXHAUSTED.</summary>
    public int MaxSendMessageSize { get; set; } = 4 * 1024 * 1024;

    /// <summary>
    /// <c>gzip</c> to compress response messages for clients that accept it; null (the default) sends
    /// them uncompressed, which is cheaper on a fast network. Compressed requests are read either way.
    /// </summary>
    public string? ResponseCompression { get; set; }

    /// <summary>The tag of the health checks that decide whether <c>grpc.health.v1.Health</c> answers SERVING.</summary>
    public string HealthCheckTag { get; set; } = "ready";
}
