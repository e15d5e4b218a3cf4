using System.Buffers;
using System.Buffers.Binary;
using System.IO.Compression;
using System.IO.Pipelines;
using Google.Protobuf;

namespace Platform.Grpc.Protocol;

/// <summary>
/// Reads length-prefixed messages (1-byte compressed flag, 4-byte big-endian length) off a pipe,
/// enforcing the size limit before the message is buffered and again after decompression.
/// </summary>
internal sealed class MessageReader(PipeReader reader, int maxMessageSize, string? encoding, string kind)
{
    /// <summary>The next message, or null when the stream ended cleanly between messages.</summary>
    public async ValueTask<T?> ReadAsync<T>(MessageParser<T> parser, CancellationToken cancellationToken)
        where T : class, IMessage<T>
    {
        while (true)
        {
            var result = await reader.ReadAsync(cancellationToken);
            var buffer = result.Buffer;
            if (buffer.Length >= GrpcProtocol.FramePrefixLength)
            {
                var (compressed, length) = ReadPrefix(buffer);
                if (length > maxMessageSize)
                {
                    reader.AdvanceTo(buffer.Start);
                    throw new RpcException(StatusCode.ResourceExhausted,
                        $"Received message exceeds the maximum configured message size ({length} > {maxMessageSize} bytes).");
                }

                if (buffer.Length >= GrpcProtocol.FramePrefixLength + length)
                {
                    var payload = buffer.Slice(GrpcProtocol.FramePrefixLength, length);
                    try
                    {
                        return Parse(parser, payload, compressed);
                    }
                    finally
                    {
                        reader.AdvanceTo(payload.End);
                    }
                }
            }

            if (result.IsCompleted)
            {
                reader.AdvanceTo(buffer.End);
                return buffer.IsEmpty ? null : throw new RpcException(StatusCode.Internal, $"Incomplete {kind} message: the stream ended inside a frame.");
            }

            reader.AdvanceTo(buffer.Start, buffer.End);
        }
    }

    /// <summary>Fails unless the stream ends here: a unary message must be the only one.</summary>
    public async ValueTask ReadEndAsync(CancellationToken cancellationToken)
    {
        var result = await reader.ReadAsync(cancellationToken);
        var empty = result.Buffer.IsEmpty;
        reader.AdvanceTo(result.Buffer.Start, result.Buffer.End);
        if (!empty)
        {
            throw new RpcException(StatusCode.Internal, $"Additional data after the {kind} message.");
        }

        if (!result.IsCompleted)
        {
            // More may come in a later DATA frame; one more read settles it.
            await ReadEndAsync(cancellationToken);
        }
    }

    private (bool Compressed, long Length) ReadPrefix(ReadOnlySequence<byte> buffer)
    {
        Span<byte> prefix = stackalloc byte[GrpcProtocol.FramePrefixLength];
        buffer.Slice(0, GrpcProtocol.FramePrefixLength).CopyTo(prefix);
        return prefix[0] switch
        {
            0 => (false, BinaryPrimitives.ReadUInt32BigEndian(prefix[1..])),
            1 => (true, BinaryPrimitives.ReadUInt32BigEndian(prefix[1..])),
            _ => throw new RpcException(StatusCode.Internal, $"Invalid compressed flag {prefix[0]} in a {kind} frame."),
        };
    }

    private T Parse<T>(MessageParser<T> parser, ReadOnlySequence<byte> payload, bool compressed)
        where T : class, IMessage<T>
    {
        try
        {
            return compressed ? parser.ParseFrom(Decompress(payload)) : parser.ParseFrom(payload);
        }
        catch (InvalidProtocolBufferException)
        {
            // INTERNAL, as grpc-go, grpc-java, gRPC C++ and grpc-js answer bytes that are not the
            // message: the framing layer failed, not the request's content (INVALID_ARGUMENT is for that).
            throw new RpcException(StatusCode.Internal, $"Failed to parse the {kind} message.");
        }
    }

    private byte[] Decompress(ReadOnlySequence<byte> payload)
    {
        if (encoding is null || encoding.Equals(GrpcProtocol.Identity, StringComparison.OrdinalIgnoreCase))
        {
            throw new RpcException(StatusCode.Internal, $"A {kind} message is marked compressed, but no grpc-encoding was given.");
        }

        if (!encoding.Equals(GrpcProtocol.Gzip, StringComparison.OrdinalIgnoreCase))
        {
            throw new RpcException(StatusCode.Unimplemented, $"Unsupported grpc-encoding '{encoding}'.");
        }

        try
        {
            using var gzip = new GZipStream(new MemoryStream(payload.ToArray()), CompressionMode.Decompress);
            using var plain = new MemoryStream();
            var chunk = new byte[16 * 1024];
            int read;
            while ((read = gzip.Read(chunk)) > 0)
            {
                plain.Write(chunk, 0, read);
                if (plain.Length > maxMessageSize)
                {
                    throw new RpcException(StatusCode.ResourceExhausted,
                        $"Received message exceeds the maximum configured message size after decompression ({maxMessageSize} bytes).");
                }
            }

            return plain.ToArray();
        }
        catch (InvalidDataException)
        {
            throw new RpcException(StatusCode.Internal, $"Failed to decompress the {kind} message.");
        }
    }
}
