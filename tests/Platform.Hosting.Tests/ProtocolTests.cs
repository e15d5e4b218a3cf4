using System.Net;
using Google.Protobuf;
using Platform.Hosting.Tests.Hosting;
using Platform.Hosting.Tests.Contracts;

namespace Platform.Hosting.Tests;

/// <summary>What the server answers to requests that break the protocol, and that it keeps serving after each.</summary>
public class ProtocolTests(GrpcServerFixture fixture) : IClassFixture<GrpcServerFixture>
{
    private const string Echo = InteropService.Path + "Echo";

    private Uri Server => fixture.Server.GrpcAddress;

    [Fact]
    public async Task An_oversized_request_message_is_resource_exhausted()
    {
        var request = new EchoRequest { Payload = ByteString.CopyFrom(new byte[(1024 * 1024) + 1]) };

        var response = await RawGrpc.PostAsync(Server, Echo, RawGrpc.Frame(request));

        Assert.Equal(StatusCode.ResourceExhausted, response.Status);
        await AssertStillServingAsync();
    }

    [Fact]
    public async Task An_oversized_response_message_is_resource_exhausted()
    {
        var response = await RawGrpc.PostAsync(Server, Echo, RawGrpc.Frame(new EchoRequest { ReplySize = 2 * 1024 * 1024 }));

        Assert.Equal(StatusCode.ResourceExhausted, response.Status);
        await AssertStillServingAsync();
    }

    [Fact]
    public async Task A_corrupt_protobuf_payload_is_unknown()
    {
        // Field 1, length-delimited, announcing 100 bytes that are not there. Grpc.AspNetCore parses the
        // request before any interceptor runs and reports its failure as UNKNOWN.
        var response = await RawGrpc.PostAsync(Server, Echo, RawGrpc.Frame([0x0A, 0x64, 0x01]));

        Assert.Equal(StatusCode.Unknown, response.Status);
        Assert.True(response.IsTrailersOnly);
        await AssertStillServingAsync();
    }

    [Fact]
    public async Task A_truncated_frame_is_internal()
    {
        var frame = RawGrpc.Frame(new EchoRequest { Text = "cut short" });

        var response = await RawGrpc.PostAsync(Server, Echo, frame[..^3]);

        Assert.Equal(StatusCode.Internal, response.Status);
        await AssertStillServingAsync();
    }

    [Fact]
    public async Task A_unary_request_without_a_message_is_internal()
    {
        var response = await RawGrpc.PostAsync(Server, Echo, []);

        Assert.Equal(StatusCode.Internal, response.Status);
        await AssertStillServingAsync();
    }

    [Fact]
    public async Task A_wrong_content_type_is_http_415()
    {
        var response = await RawGrpc.PostAsync(Server, Echo, RawGrpc.Frame(new EchoRequest()), contentType: "application/json");

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.HttpStatus);
        await AssertStillServingAsync();
    }

    [Fact]
    public async Task Grpc_plus_proto_is_served()
    {
        var response = await RawGrpc.PostAsync(Server, Echo, RawGrpc.Frame(new EchoRequest { Text = "proto" }), contentType: "application/grpc+proto");

        Assert.Equal(StatusCode.OK, response.Status);
        Assert.Equal("proto", EchoReply.Parser.ParseFrom(response.Body.AsSpan(5).ToArray()).Text);
    }

    [Fact]
    public async Task Unknown_method_and_unknown_service_are_unimplemented()
    {
        var method = await RawGrpc.PostAsync(Server, InteropService.Path + "Missing", RawGrpc.Frame(new EchoRequest()));
        var service = await RawGrpc.PostAsync(Server, "/platform.testing.v1.Nowhere/Echo", RawGrpc.Frame(new EchoRequest()));

        Assert.Equal(StatusCode.Unimplemented, method.Status);
        Assert.True(method.IsTrailersOnly);
        Assert.Equal(StatusCode.Unimplemented, service.Status);
        await AssertStillServingAsync();
    }

    [Fact]
    public async Task A_gzip_compressed_request_is_read()
    {
        var payload = RawGrpc.Gzip(new EchoRequest { Text = "gezipt" }.ToByteArray());

        var response = await RawGrpc.PostAsync(Server, Echo, RawGrpc.Frame(payload, compressed: true), headers: new Dictionary<string, string> { ["grpc-encoding"] = "gzip" });

        Assert.Equal(StatusCode.OK, response.Status);
        Assert.Equal("gezipt", EchoReply.Parser.ParseFrom(response.Body.AsSpan(5).ToArray()).Text);
    }

    [Fact]
    public async Task A_gzip_message_inflating_past_the_size_limit_is_refused()
    {
        // 2 MB of zeros shrink to a few kilobytes; the limit (1 MB here) holds for the inflated message.
        var payload = RawGrpc.Gzip(new EchoRequest { Payload = ByteString.CopyFrom(new byte[2 * 1024 * 1024]) }.ToByteArray());

        var response = await RawGrpc.PostAsync(Server, Echo, RawGrpc.Frame(payload, compressed: true), headers: new Dictionary<string, string> { ["grpc-encoding"] = "gzip" });

        Assert.True(payload.Length < 64 * 1024);
        Assert.Equal(StatusCode.ResourceExhausted, response.Status);
        await AssertStillServingAsync();
    }

    [Fact]
    public async Task The_largest_timeout_the_protocol_allows_is_accepted()
    {
        // Eight digits is the most grpc-timeout may carry; in hours that is over 11,000 years.
        var response = await RawGrpc.PostAsync(Server, Echo, RawGrpc.Frame(new EchoRequest { Text = "op tijd" }), headers: new Dictionary<string, string> { ["grpc-timeout"] = "99999999H" });

        Assert.Equal(StatusCode.OK, response.Status);
        Assert.Equal("op tijd", EchoReply.Parser.ParseFrom(response.Body.AsSpan(5).ToArray()).Text);
    }

    [Fact]
    public async Task An_unknown_request_encoding_is_unimplemented_and_names_the_supported_ones()
    {
        var response = await RawGrpc.PostAsync(Server, Echo, RawGrpc.Frame([1, 2, 3], compressed: true), headers: new Dictionary<string, string> { ["grpc-encoding"] = "snappy" });

        Assert.Equal(StatusCode.Unimplemented, response.Status);
        Assert.Contains("gzip", response.Headers["grpc-accept-encoding"], StringComparison.Ordinal);
        await AssertStillServingAsync();
    }

    [Fact]
    public async Task A_compressed_message_without_an_encoding_is_internal()
    {
        var response = await RawGrpc.PostAsync(Server, Echo, RawGrpc.Frame(RawGrpc.Gzip([0x0A, 0x01, 0x61]), compressed: true));

        Assert.Equal(StatusCode.Internal, response.Status);
        await AssertStillServingAsync();
    }

    [Fact]
    public async Task A_status_message_is_percent_encoded_on_the_wire()
    {
        var response = await RawGrpc.PostAsync(Server, InteropService.Path + "Fail",
            RawGrpc.Frame(new FailRequest { Code = (int)StatusCode.NotFound, Detail = "100% niet gevonden: één" }));

        Assert.Equal("100%25 niet gevonden: %C3%A9%C3%A9n", response.Headers["grpc-message"]);
    }

    [Fact]
    public async Task Http1_requests_are_refused_with_a_grpc_status()
    {
        var response = await RawGrpc.PostAsync(fixture.Server.HttpAddress, Echo, RawGrpc.Frame(new EchoRequest()), version: HttpVersion.Version11);

        Assert.Equal(HttpStatusCode.UpgradeRequired, response.HttpStatus);
        Assert.Equal(StatusCode.Internal, response.Status);
    }

    [Fact]
    public async Task Rest_and_health_keep_serving_on_the_http1_listener()
    {
        using var http = new HttpClient { BaseAddress = fixture.Server.HttpAddress };

        Assert.Equal("pong", await http.GetStringAsync("/rest/ping"));
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/alive")).StatusCode);
    }

    private async Task AssertStillServingAsync()
    {
        using var channel = TestChannels.For(Server);
        var reply = await new Interop.InteropClient(channel).EchoAsync(new EchoRequest { Text = "still serving" });
        Assert.Equal("still serving", reply.Text);
    }
}
