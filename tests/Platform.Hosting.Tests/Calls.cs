using Platform.Hosting.Tests.PeerRunners;

namespace Platform.Hosting.Tests;

/// <summary>The calls tests make through the peers, by path and message names.</summary>
internal static class Calls
{
    private const string Service = "platform.testing.v1.Interop";

    public static PeerCall Echo(string text) => new()
    {
        Method = $"/{Service}/Echo",
        RequestType = $"{Service[..^8]}.EchoRequest",
        ResponseType = $"{Service[..^8]}.EchoReply",
        Requests = [new { text }],
    };

    public static PeerCall Secret(string text) => Echo(text) with { Method = $"/{Service}/Secret" };

    public static PeerCall Count(int count, string text) => new()
    {
        Method = $"/{Service}/Count",
        Type = "server_stream",
        RequestType = "platform.testing.v1.CountRequest",
        ResponseType = "platform.testing.v1.EchoReply",
        Requests = [new { count, text }],
    };

    public static PeerCall Sum(params long[] values) => new()
    {
        Method = $"/{Service}/Sum",
        Type = "client_stream",
        RequestType = "platform.testing.v1.Number",
        ResponseType = "platform.testing.v1.Total",
        Requests = [.. values.Select(v => (object)new { value = v.ToString(System.Globalization.CultureInfo.InvariantCulture) })],
    };

    public static PeerCall Chat(params string[] texts) => new()
    {
        Method = $"/{Service}/Chat",
        Type = "bidi",
        RequestType = "platform.testing.v1.EchoRequest",
        ResponseType = "platform.testing.v1.EchoReply",
        Requests = [.. texts.Select(t => (object)new { text = t })],
    };

    public static PeerCall Slow(string id, double timeoutSeconds) => new()
    {
        Method = $"/{Service}/Slow",
        RequestType = "platform.testing.v1.SlowRequest",
        ResponseType = "platform.testing.v1.EchoReply",
        Requests = [new { id }],
        Timeout = timeoutSeconds,
    };

    public static PeerCall Fail(StatusCode code, string detail, params string[] invalidFields) => new()
    {
        Method = $"/{Service}/Fail",
        RequestType = "platform.testing.v1.FailRequest",
        ResponseType = "platform.testing.v1.EchoReply",
        Requests = [new { code = (int)code, detail, invalid_fields = invalidFields }],
    };

    public static PeerCall WhoAmI(string? token) => new()
    {
        Method = "/platform.provider.v1.ProviderIdentity/WhoAmI",
        RequestType = "platform.provider.v1.WhoAmIRequest",
        ResponseType = "platform.provider.v1.WhoAmIResponse",
        Token = token,
    };

    public static PeerCall HealthCheck(string service) => new()
    {
        Method = "/grpc.health.v1.Health/Check",
        RequestType = "grpc.health.v1.HealthCheckRequest",
        ResponseType = "grpc.health.v1.HealthCheckResponse",
        Requests = [new { service }],
    };
}
