namespace Platform.Grpc.Server;

/// <summary>The response stream of a server-streaming or bidirectional call.</summary>
public interface IServerStreamWriter<in T>
{
    /// <summary>Sends one message, with the response headers before the first. Writes must not overlap.</summary>
    Task WriteAsync(T message, CancellationToken cancellationToken = default);
}
