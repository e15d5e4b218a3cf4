using Platform.Hosting.Tests.Hosting;
using Platform.Hosting.Tests.PeerRunners;

namespace Platform.Hosting.Tests;

/// <summary>
/// python grpcio and grpc-js as provider systems, calling the Interop service through a real gateway
/// with a real provider token: every call type and the protocol features a proxy could lose.
/// </summary>
[Collection(ThroughTheGateway.Name)]
public class GatewayInteropTests(GatewayInteropFixture fixture)
{
    public static TheoryData<string, string> PeersAndCallTypes { get; } = new()
    {
        { "python", "unary" }, { "python", "server_stream" }, { "python", "client_stream" }, { "python", "bidi" },
        { "node", "unary" }, { "node", "server_stream" }, { "node", "client_stream" }, { "node", "bidi" },
    };

    [Theory]
    [MemberData(nameof(PeersAndCallTypes))]
    public async Task Every_call_type_passes_through_the_gateway_with_a_provider_token(string peer, string callType)
    {
        var (call, expected) = callType switch
        {
            "unary" => (Calls.Echo("hallo"), new[] { "hallo" }),
            "server_stream" => (Calls.Count(12, "tel"), Enumerable.Repeat("tel", 12).ToArray()),
            "client_stream" => (Calls.Sum(5, 10, 20), ["35"]),
            _ => (Calls.Chat("een", "twee", "drie"), new[] { "een", "twee", "drie" }),
        };

        var result = await CallAsync(peer, call with { Token = await fixture.ProviderTokenAsync() });

        Assert.True(result.Ok, $"{result.Code}: {result.Details}");
        Assert.Equal(expected, result.Responses.Select(r => (r.TryGetProperty("text", out var text) ? text : r.GetProperty("sum")).GetString()));
        if (callType == "server_stream")
        {
            Assert.Equal(Enumerable.Range(0, 12), result.Responses.Select(r => r.TryGetProperty("index", out var i) ? i.GetInt32() : 0));
        }
    }

    [Theory]
    [InlineData("python")]
    [InlineData("node")]
    public async Task Metadata_reaches_the_handler_and_its_headers_and_trailers_come_back(string peer)
    {
        var binary = Convert.ToBase64String([0x00, 0x01, 0xFE, 0xFF, 0x7F]);
        var result = await CallAsync(peer, Calls.Echo("meta") with
        {
            Token = await fixture.ProviderTokenAsync(),
            Metadata = [["x-correlation", "abc-123"]],
            BinaryMetadata = [["x-data-bin", binary]],
        });

        Assert.True(result.Ok, $"{result.Code}: {result.Details}");
        Assert.Equal("abc-123", result.Initial("x-correlation"));
        Assert.Equal(binary, result.Initial("x-data-bin"));
        Assert.Equal("done", result.Trailing("x-trailer"));
        Assert.Equal(binary, result.Trailing("x-trailer-bin"));
    }

    [Theory]
    [InlineData("python")]
    [InlineData("node")]
    public async Task A_deadline_reaches_the_backend_through_the_gateway_and_ends_in_deadline_exceeded(string peer)
    {
        var id = Guid.NewGuid().ToString();
        var result = await CallAsync(peer, Calls.Slow(id, timeoutSeconds: 3) with { Token = await fixture.ProviderTokenAsync() });

        Assert.Equal("DEADLINE_EXCEEDED", result.Code);
        // The handler saw the caller's deadline (grpc-timeout was forwarded) and was cancelled.
        var call = fixture.Backend.SlowCalls.For(id);
        Assert.NotNull(await call.Deadline.Task.WaitAsync(TimeSpan.FromSeconds(30)));
        await call.TokenFired.Task.WaitAsync(TimeSpan.FromSeconds(30));
    }

    [Theory]
    [InlineData("python")]
    [InlineData("node")]
    public async Task Field_violations_in_status_details_survive_the_gateway(string peer)
    {
        var result = await CallAsync(peer, Calls.Fail(StatusCode.InvalidArgument, "Populatie ongeldig: 100% fout", "population_id", "areas[0].code")
            with { Token = await fixture.ProviderTokenAsync() });

        Assert.Equal("INVALID_ARGUMENT", result.Code);
        Assert.Equal("Populatie ongeldig: 100% fout", result.Details);
        var details = Google.Rpc.Status.Parser.ParseFrom(Convert.FromBase64String(result.Trailing("grpc-status-details-bin")!));
        var badRequest = details.Details.Single().Unpack<Google.Rpc.BadRequest>();
        Assert.Equal(["population_id", "areas[0].code"], badRequest.FieldViolations.Select(v => v.Field));
    }

    internal static Task<PeerResult> CallAsync(string peer, PeerCall call, GatewayInteropFixture fixture) =>
        peer == "python" ? PythonClient.CallAsync(fixture.Target, call) : NodeClient.CallAsync(fixture.Target, call);

    private Task<PeerResult> CallAsync(string peer, PeerCall call) => CallAsync(peer, call, fixture);
}
