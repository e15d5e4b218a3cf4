using System.Buffers;
using System.Buffers.Binary;
using System.IO.Compression;
using Google.Protobuf;

namespace Platform.Grpc.Protocol;

/// <summary>Writes one length-prefixed message, serialized straight into the output buffer when it is not compressed.</summary>
internal static class MessageWriter
{
    public static void Write(IBufferWriter<byte> output, IMessage message, int maxMessageSize, CompressionLevel? gzip, string kind)
    {
        var size = message.CalculateSize();
        if (size > maxMessageSize)
        {
            throw new RpcException(StatusCode.ResourceExhausted,
                $"Sending {kind} message exceeds the maximum configured message size ({size} > {maxMessageSize} bytes).");
        }

        if (gzip is null)
        {
            var span = output.GetSpan(GrpcProtocol.FramePrefixLength + size);
            span[0] = 0;
            BinaryPrimitives.WriteUInt32BigEndian(span[1..], (uint)size);
            message.WriteTo(span.Slice(GrpcProtocol.FramePrefixLength, size));
            output.Advance(GrpcProtocol.FramePrefixLength + size);
            return;
        }

        var compressed = Compress(message, gzip.Value);
        var target = output.GetSpan(GrpcProtocol.FramePrefixLength + compressed.Length);
        target[0] = 1;
        BinaryPrimitives.WriteUInt32BigEndian(target[1..], (uint)compressed.Length);
        compressed.CopyTo(target[GrpcProtocol.FramePrefixLength..]);
        output.Advance(GrpcProtocol.FramePrefixLength + compressed.Length);
    }

    /// <summary>One framed message as an array, for callers that write to a stream.</summary>
    public static byte[] ToFrame(IMessage message, int maxMessageSize, CompressionLevel? gzip, string kind)
    {
        var buffer = new ArrayBufferWriter<byte>(GrpcProtocol.FramePrefixLength + 64);
        Write(buffer, message, maxMessageSize, gzip, kind);
        return buffer.WrittenSpan.ToArray();
    }

    private static byte[] Compress(IMessage message, CompressionLevel level)
    {
        using var compressed = new MemoryStream();
        using (var gzip = new GZipStream(compressed, level, leaveOpen: true))
        {
            message.WriteTo(gzip);
        }

        return compressed.ToArray();
    }
}
