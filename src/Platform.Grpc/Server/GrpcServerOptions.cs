using System.IO.Compression;

namespace Platform.Grpc.Server;

/// <summary>Limits and choices of the gRPC server binding, bound from the configuration section <c>Grpc</c>.</summary>
public sealed class GrpcServerOptions
{
    public const string SectionName = "Grpc";

    /// <summary>The largest request message accepted, in bytes (after decompression); larger ones end in RESOURCE_EXHAUSTED.</summary>
    public int MaxReceiveMessageSize { get; set; } = 4 * 1024 * 1024;

    /// <summary>The largest response message sent, in bytes; a handler returning a larger one ends in RESOURCE_EXHAUSTED.</summary>
    public int MaxSendMessageSize { get; set; } = 4 * 1024 * 1024;

    /// <summary>
    /// <c>gzip</c> to compress response messages for clients that list gzip in <c>grpc-accept-encoding</c>;
    /// null (the default) sends them uncompressed. Compressed requests are read either way.
    /// </summary>
    public string? ResponseCompression { get; set; }

    public CompressionLevel ResponseCompressionLevel { get; set; } = CompressionLevel.Fastest;

    /// <summary>How often the health service's Watch re-evaluates the health checks.</summary>
    public TimeSpan HealthWatchInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The tag of the health checks that decide whether the server is SERVING.</summary>
    public string HealthCheckTag { get; set; } = "ready";
}
