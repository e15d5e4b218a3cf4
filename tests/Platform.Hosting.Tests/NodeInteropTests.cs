using Platform.Hosting.Tests.Hosting;
using Platform.Hosting.Tests.PeerRunners;

namespace Platform.Hosting.Tests;

/// <summary>@grpc/grpc-js with @grpc/proto-loader, reading the same .proto files, as the client of our server.</summary>
public class NodeInteropTests(GrpcServerFixture fixture) : IClassFixture<GrpcServerFixture>
{
    private Uri Target => fixture.Server.GrpcAddress;

    [Fact]
    public async Task Every_call_type_works_from_grpc_js()
    {
        var results = await NodeClient.RunAsync(Target,
            Calls.Echo("hallo"),
            Calls.Count(10, "tel"),
            Calls.Sum(5, 10, 20),
            Calls.Chat("a", "b", "c", "d"));

        Assert.All(results, r => Assert.True(r.Ok, r.Details));
        Assert.Equal("hallo", results[0].Text());
        Assert.Equal(10, results[1].Responses.Count);
        Assert.Equal("35", results[2].Responses[0].GetProperty("sum").GetString());
        Assert.Equal(["a", "b", "c", "d"], results[3].Responses.Select(r => r.GetProperty("text").GetString()));
    }

    [Fact]
    public async Task Metadata_round_trips_from_grpc_js_including_binary_values()
    {
        var binary = Convert.ToBase64String([0xDE, 0xAD, 0xBE, 0xEF]);
        var result = await NodeClient.CallAsync(Target, Calls.Echo("meta") with
        {
            Metadata = [["x-tenant", "GM0484"]],
            BinaryMetadata = [["x-blob-bin", binary]],
        });

        Assert.True(result.Ok, result.Details);
        Assert.Equal("GM0484", result.Initial("x-tenant"));
        Assert.Equal(binary, result.Initial("x-blob-bin"));
        Assert.Equal("done", result.Trailing("x-trailer"));
    }

    [Fact]
    public async Task Grpc_js_sees_deadline_exceeded_and_the_handler_token_fires()
    {
        var id = Guid.NewGuid().ToString();
        // Long enough for the call to reach the handler on a busy machine; the handler outlives it anyway.
        var result = await NodeClient.CallAsync(Target, Calls.Slow(id, timeoutSeconds: 2));

        Assert.Equal("DEADLINE_EXCEEDED", result.Code);
        await fixture.Server.SlowCalls.For(id).TokenFired.Task.WaitAsync(TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task Grpc_js_reads_status_codes_messages_and_details()
    {
        var result = await NodeClient.CallAsync(Target, Calls.Fail(StatusCode.InvalidArgument, "Ongeldig: 50% fout", "contract_id"));

        Assert.Equal("INVALID_ARGUMENT", result.Code);
        Assert.Equal("Ongeldig: 50% fout", result.Details);
        var details = Google.Rpc.Status.Parser.ParseFrom(Convert.FromBase64String(result.Trailing("grpc-status-details-bin")!));
        Assert.Equal("contract_id", details.Details.Single().Unpack<Google.Rpc.BadRequest>().FieldViolations.Single().Field);
    }
}
