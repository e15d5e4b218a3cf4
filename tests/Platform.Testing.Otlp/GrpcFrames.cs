using System.Buffers.Binary;
using System.IO.Compression;

namespace Platform.Testing.Otlp;

/// <summary>
/// The gRPC length-prefixed message framing (1 byte compressed flag, 4 bytes big-endian length),
/// enough for the unary calls an OTLP exporter makes.
/// </summary>
internal static class GrpcFrames
{
    private const int PrefixLength = 5;

    /// <summary>The single message of a unary request body.</summary>
    public static byte[] ReadSingleMessage(byte[] body, string? encoding)
    {
        if (body.Length < PrefixLength)
        {
            throw new InvalidDataException($"A gRPC message needs at least {PrefixLength} bytes; got {body.Length}.");
        }

        var compressed = body[0] == 1;
        var length = BinaryPrimitives.ReadUInt32BigEndian(body.AsSpan(1, 4));
        if (length > body.Length - PrefixLength)
        {
            throw new InvalidDataException($"The gRPC frame announces {length} bytes but only {body.Length - PrefixLength} arrived.");
        }

        var message = body.AsSpan(PrefixLength, (int)length).ToArray();
        if (!compressed)
        {
            return message;
        }

        if (!string.Equals(encoding, "gzip", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidDataException($"Compressed gRPC message with unsupported encoding '{encoding}'.");
        }

        using var gzip = new GZipStream(new MemoryStream(message), CompressionMode.Decompress);
        using var plain = new MemoryStream();
        gzip.CopyTo(plain);
        return plain.ToArray();
    }

    /// <summary>A frame holding an empty message: every OTLP export response with no partial success.</summary>
    public static byte[] EmptyMessage() => new byte[PrefixLength];
}
