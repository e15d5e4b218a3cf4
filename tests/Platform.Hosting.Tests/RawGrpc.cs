using System.Buffers.Binary;
using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using Google.Protobuf;

namespace Platform.Hosting.Tests;

/// <summary>Hand-made gRPC requests over HTTP/2, for what no well-behaved client sends: broken frames, wrong types.</summary>
internal static class RawGrpc
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(60) };

    public static byte[] Frame(byte[] payload, bool compressed = false)
    {
        var frame = new byte[5 + payload.Length];
        frame[0] = compressed ? (byte)1 : (byte)0;
        BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(1), (uint)payload.Length);
        payload.CopyTo(frame, 5);
        return frame;
    }

    public static byte[] Frame(IMessage message) => Frame(message.ToByteArray());

    public static byte[] Gzip(byte[] data)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(data);
        }

        return output.ToArray();
    }

    public static async Task<RawResponse> PostAsync(
        Uri server, string path, byte[] body, string contentType = "application/grpc", IDictionary<string, string>? headers = null, Version? version = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(server, path))
        {
            Version = version ?? HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Content = new ByteArrayContent(body),
        };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        request.Headers.TE.ParseAdd("trailers");
        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        using var response = await Http.SendAsync(request);
        var content = await response.Content.ReadAsByteArrayAsync();
        return new RawResponse(
            response.StatusCode,
            response.Headers.Concat(response.Content.Headers).ToDictionary(h => h.Key.ToLowerInvariant(), h => string.Join(",", h.Value)),
            content,
            response.TrailingHeaders.ToDictionary(h => h.Key.ToLowerInvariant(), h => string.Join(",", h.Value)));
    }
}

internal sealed record RawResponse(HttpStatusCode HttpStatus, Dictionary<string, string> Headers, byte[] Body, Dictionary<string, string> Trailers)
{
    /// <summary>grpc-status from the trailers, or from the headers of a trailers-only response.</summary>
    public StatusCode? Status =>
        (Trailers.GetValueOrDefault("grpc-status") ?? Headers.GetValueOrDefault("grpc-status")) is { } value
            ? (StatusCode)int.Parse(value, System.Globalization.CultureInfo.InvariantCulture)
            : null;

    public bool IsTrailersOnly => Headers.ContainsKey("grpc-status") && Body.Length == 0;
}
