using System.Net.Http.Headers;
using Microsoft.AspNetCore.Http;

namespace Platform.Grpc.Protocol;

/// <summary>Metadata to and from HTTP headers: <c>-bin</c> values are base64, sent unpadded, read either way.</summary>
internal static class MetadataHeaders
{
    public static Metadata FromHeaders(IHeaderDictionary headers)
    {
        var metadata = new Metadata();
        foreach (var (name, values) in headers)
        {
            if (GrpcProtocol.IsReservedHeader(name))
            {
                continue;
            }

            foreach (var value in values)
            {
                Add(metadata, name, value ?? "");
            }
        }

        return metadata;
    }

    public static Metadata FromHeaders(HttpHeaders headers)
    {
        var metadata = new Metadata();
        foreach (var (name, values) in headers)
        {
            if (GrpcProtocol.IsReservedHeader(name))
            {
                continue;
            }

            foreach (var value in values)
            {
                Add(metadata, name, value);
            }
        }

        return metadata;
    }

    public static void WriteTo(Metadata metadata, IHeaderDictionary headers)
    {
        foreach (var entry in metadata)
        {
            headers.Append(entry.Key, ToHeaderValue(entry));
        }
    }

    public static void WriteTo(Metadata metadata, HttpHeaders headers)
    {
        foreach (var entry in metadata)
        {
            headers.TryAddWithoutValidation(entry.Key, ToHeaderValue(entry));
        }
    }

    public static string ToHeaderValue(MetadataEntry entry) =>
        entry.IsBinary ? Convert.ToBase64String(entry.ValueBytes!).TrimEnd('=') : entry.Value!;

    public static byte[] DecodeBase64(string value)
    {
        var trimmed = value.Trim().TrimEnd('=');
        var padded = trimmed.Length % 4 == 0 ? trimmed : trimmed + new string('=', 4 - (trimmed.Length % 4));
        return Convert.FromBase64String(padded);
    }

    private static void Add(Metadata metadata, string name, string value)
    {
        var key = name.ToLowerInvariant();
        if (Metadata.IsBinaryKey(key))
        {
            // Several binary values may arrive joined by commas in one header.
            foreach (var part in value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (TryDecodeBase64(part, out var bytes))
                {
                    metadata.AddUnchecked(new MetadataEntry(key, null, bytes));
                }
            }
        }
        else
        {
            metadata.AddUnchecked(new MetadataEntry(key, value, null));
        }
    }

    private static bool TryDecodeBase64(string value, out byte[] bytes)
    {
        try
        {
            bytes = DecodeBase64(value);
            return true;
        }
        catch (FormatException)
        {
            bytes = [];
            return false;
        }
    }
}
