using Platform.Hosting.Tests.Hosting;
using Platform.Hosting.Tests.PeerRunners;

namespace Platform.Hosting.Tests;

/// <summary>python grpcio (gRPC C-core) as the client of our server, for every call type and the protocol's features.</summary>
public class PythonInteropTests(GrpcServerFixture fixture) : IClassFixture<GrpcServerFixture>
{
    private Uri Target => fixture.Server.GrpcAddress;

    [Fact]
    public async Task Unary_echo_round_trips()
    {
        var result = await PythonClient.CallAsync(Target, Calls.Echo("hallo wereld"));

        Assert.True(result.Ok, result.Details);
        Assert.Equal("hallo wereld", result.Text());
    }

    [Fact]
    public async Task Server_streaming_delivers_every_message_in_order()
    {
        var result = await PythonClient.CallAsync(Target, Calls.Count(25, "n"));

        Assert.True(result.Ok, result.Details);
        Assert.Equal(25, result.Responses.Count);
        Assert.Equal(Enumerable.Range(0, 25), result.Responses.Select(r => r.TryGetProperty("index", out var i) ? i.GetInt32() : 0));
    }

    [Fact]
    public async Task Client_streaming_sums_every_message()
    {
        var result = await PythonClient.CallAsync(Target, Calls.Sum(1, 2, 3, 4, 5, 6, 7, 8, 9, 10));

        Assert.True(result.Ok, result.Details);
        Assert.Equal("55", result.Responses[0].GetProperty("sum").GetString());
        Assert.Equal(10, result.Responses[0].GetProperty("count").GetInt32());
    }

    [Fact]
    public async Task Bidirectional_streaming_answers_each_message()
    {
        var result = await PythonClient.CallAsync(Target, Calls.Chat("een", "twee", "drie"));

        Assert.True(result.Ok, result.Details);
        Assert.Equal(["een", "twee", "drie"], result.Responses.Select(r => r.GetProperty("text").GetString()));
    }

    [Fact]
    public async Task Metadata_round_trips_in_headers_and_trailers_including_binary_values()
    {
        var binary = Convert.ToBase64String([0x00, 0x01, 0xFE, 0xFF, 0x7F]);
        var result = await PythonClient.CallAsync(Target, Calls.Echo("meta") with
        {
            Metadata = [["x-correlation", "abc-123"]],
            BinaryMetadata = [["x-data-bin", binary]],
        });

        Assert.True(result.Ok, result.Details);
        Assert.Equal("abc-123", result.Initial("x-correlation"));
        Assert.Equal(binary, result.Initial("x-data-bin"));
        Assert.Equal("done", result.Trailing("x-trailer"));
        Assert.Equal(binary, result.Trailing("x-trailer-bin"));
    }

    [Fact]
    public async Task Gzip_compressed_requests_are_read()
    {
        var result = await PythonClient.CallAsync(Target, Calls.Echo(new string('z', 5000)) with { Compression = "gzip" });

        Assert.True(result.Ok, result.Details);
        Assert.Equal(new string('z', 5000), result.Text());
    }

    [Fact]
    public async Task A_handler_outliving_the_deadline_ends_in_deadline_exceeded_and_its_token_fires()
    {
        var id = Guid.NewGuid().ToString();
        // Long enough for the call to reach the handler on a busy machine; the handler outlives it anyway.
        var result = await PythonClient.CallAsync(Target, Calls.Slow(id, timeoutSeconds: 2));

        Assert.False(result.Ok);
        Assert.Equal("DEADLINE_EXCEEDED", result.Code);
        var call = fixture.Server.SlowCalls.For(id);
        Assert.NotNull(await call.Deadline.Task.WaitAsync(TimeSpan.FromSeconds(30)));
        await call.TokenFired.Task.WaitAsync(TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task Field_violations_reach_the_client_in_status_details()
    {
        var result = await PythonClient.CallAsync(Target, Calls.Fail(StatusCode.InvalidArgument, "Populatie ongeldig: 100% fout", "population_id", "areas[0].code"));

        Assert.False(result.Ok);
        Assert.Equal("INVALID_ARGUMENT", result.Code);
        Assert.Equal("Populatie ongeldig: 100% fout", result.Details);
        var details = Google.Rpc.Status.Parser.ParseFrom(Convert.FromBase64String(result.Trailing("grpc-status-details-bin")!));
        Assert.Equal((int)StatusCode.InvalidArgument, details.Code);
        var badRequest = details.Details.Single().Unpack<Google.Rpc.BadRequest>();
        Assert.Equal(["population_id", "areas[0].code"], badRequest.FieldViolations.Select(v => v.Field));
    }

    [Theory]
    [InlineData(StatusCode.NotFound, "NOT_FOUND")]
    [InlineData(StatusCode.AlreadyExists, "ALREADY_EXISTS")]
    [InlineData(StatusCode.FailedPrecondition, "FAILED_PRECONDITION")]
    [InlineData(StatusCode.Unavailable, "UNAVAILABLE")]
    [InlineData(StatusCode.PermissionDenied, "PERMISSION_DENIED")]
    public async Task A_status_thrown_by_a_handler_reaches_the_client(StatusCode code, string name)
    {
        var result = await PythonClient.CallAsync(Target, Calls.Fail(code, "Niet gelukt – één reden"));

        Assert.Equal(name, result.Code);
        Assert.Equal("Niet gelukt – één reden", result.Details);
    }

    [Fact]
    public async Task An_unexpected_exception_is_internal_without_its_text()
    {
        var result = await PythonClient.CallAsync(Target, Calls.Fail(StatusCode.OK, "") with
        {
            Requests = [new { crash_with = "connection string Host=secret" }],
        });

        Assert.Equal("INTERNAL", result.Code);
        Assert.DoesNotContain("secret", result.Details, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_method_and_unknown_service_are_unimplemented()
    {
        var results = await PythonClient.RunAsync(Target,
            Calls.Echo("x") with { Method = "/platform.testing.v1.Interop/Missing" },
            Calls.Echo("x") with { Method = "/platform.testing.v1.Nothing/Echo" },
            Calls.Echo("still serving"));

        Assert.Equal("UNIMPLEMENTED", results[0].Code);
        Assert.Equal("UNIMPLEMENTED", results[1].Code);
        Assert.True(results[2].Ok);
    }
}
