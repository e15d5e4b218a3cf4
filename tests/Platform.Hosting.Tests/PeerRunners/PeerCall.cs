using System.Text.Json;
using System.Text.Json.Serialization;

namespace Platform.Hosting.Tests.PeerRunners;

/// <summary>One call a peer client makes, as the peer scripts read it (snake_case JSON).</summary>
internal sealed record PeerCall
{
    public required string Method { get; init; }

    /// <summary><c>unary</c>, <c>server_stream</c>, <c>client_stream</c> or <c>bidi</c>.</summary>
    public string Type { get; init; } = "unary";

    /// <summary>Full message names; the python peer needs them, the node peer reads them from the method.</summary>
    public required string RequestType { get; init; }

    public required string ResponseType { get; init; }

    /// <summary>Requests in protobuf JSON form (proto field names; bytes as base64).</summary>
    public IReadOnlyList<object> Requests { get; init; } = [new { }];

    public IReadOnlyList<string[]> Metadata { get; init; } = [];

    /// <summary>Binary metadata: key (ending in -bin) and base64 value.</summary>
    public IReadOnlyList<string[]> BinaryMetadata { get; init; } = [];

    public string? Token { get; init; }

    /// <summary>The call's timeout in seconds.</summary>
    public double? Timeout { get; init; }

    public string? Compression { get; init; }
}

/// <summary>What a peer client saw of one call.</summary>
internal sealed record PeerResult
{
    public bool Ok { get; init; }

    public List<JsonElement> Responses { get; init; } = [];

    public List<string[]> InitialMetadata { get; init; } = [];

    public List<string[]> TrailingMetadata { get; init; } = [];

    /// <summary>The status name, e.g. <c>DEADLINE_EXCEEDED</c>, when the call failed.</summary>
    public string? Code { get; init; }

    public string? Details { get; init; }

    public string? Initial(string key) => InitialMetadata.LastOrDefault(m => m[0] == key)?[1];

    public string? Trailing(string key) => TrailingMetadata.LastOrDefault(m => m[0] == key)?[1];

    public string Text(int index = 0) => Responses[index].TryGetProperty("text", out var text) ? text.GetString()! : "";
}

internal static class PeerJson
{
    public static JsonSerializerOptions Options { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };
}
