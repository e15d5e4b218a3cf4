using Platform.Grpc.Client;
using Platform.Grpc.Tests.Hosting;
using Platform.Grpc.Tests.Interop;
using Platform.Grpc.Tests.PeerRunners;

namespace Platform.Grpc.Tests;

/// <summary>Our client against a @grpc/grpc-js server, and against our own server for what the peer cannot show.</summary>
public class ClientTests(GrpcServerFixture fixture) : IClassFixture<GrpcServerFixture>
{
    [Fact]
    public async Task Every_call_type_works_against_grpc_js()
    {
        await using var peer = await NodeServer.StartAsync();
        var client = GrpcClient.Create(peer.Address);

        var echo = await client.UnaryAsync(Calls.EchoMethod, new EchoRequest { Text = "hoi" });
        Assert.Equal("hoi", echo.Text);

        await using (var count = client.ServerStreaming(Calls.CountMethod, new CountRequest { Count = 50, Text = "t" }))
        {
            var indexes = new List<int>();
            await foreach (var reply in count.ReadAllAsync())
            {
                indexes.Add(reply.Index);
            }

            Assert.Equal(Enumerable.Range(0, 50), indexes);
            Assert.Equal(StatusCode.OK, count.Status);
        }

        await using (var sum = client.ClientStreaming(Calls.SumMethod))
        {
            for (var i = 1; i <= 100; i++)
            {
                await sum.WriteAsync(new Number { Value = i });
            }

            await sum.CompleteRequestAsync();
            Assert.Equal(5050, (await sum.ResponseAsync).Sum);
        }

        await using (var chat = client.DuplexStreaming(Calls.ChatMethod))
        {
            var replies = new List<string>();
            await using var reader = chat.ReadAllAsync().GetAsyncEnumerator();
            foreach (var text in new[] { "een", "twee", "drie" })
            {
                await chat.WriteAsync(new EchoRequest { Text = text });
                Assert.True(await reader.MoveNextAsync());
                replies.Add(reader.Current.Text);
            }

            await chat.CompleteRequestAsync();
            Assert.False(await reader.MoveNextAsync());
            Assert.Equal(["een", "twee", "drie"], replies);
        }
    }

    [Fact]
    public async Task A_deadline_against_grpc_js_is_deadline_exceeded()
    {
        await using var peer = await NodeServer.StartAsync();
        var client = GrpcClient.Create(peer.Address);

        var error = await Assert.ThrowsAsync<RpcException>(() =>
            client.UnaryAsync(Calls.SlowMethod, new SlowRequest(), new CallOptions { Timeout = TimeSpan.FromMilliseconds(300) }));

        Assert.Equal(StatusCode.DeadlineExceeded, error.StatusCode);
    }

    [Fact]
    public async Task A_status_from_grpc_js_is_a_typed_exception_with_its_message()
    {
        await using var peer = await NodeServer.StartAsync();
        var client = GrpcClient.Create(peer.Address);

        var error = await Assert.ThrowsAsync<RpcException>(() =>
            client.UnaryAsync(Calls.FailMethod, new FailRequest { Code = (int)StatusCode.FailedPrecondition, Detail = "Contract nog niet actief – één" }));

        Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
        Assert.Equal("Contract nog niet actief – één", error.Detail);
    }

    [Fact]
    public async Task Field_violations_are_decoded_into_the_exception()
    {
        var client = GrpcClient.Create(fixture.Server.GrpcAddress);

        var error = await Assert.ThrowsAsync<RpcException>(() => client.UnaryAsync(Calls.FailMethod,
            new FailRequest { Code = (int)StatusCode.InvalidArgument, Detail = "invalid", InvalidFields = { "population_id", "valid_from" } }));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Equal(["population_id", "valid_from"], error.FieldViolations.Select(v => v.Field));
    }

    [Fact]
    public async Task Metadata_round_trips_through_our_client_and_server()
    {
        var client = GrpcClient.Create(fixture.Server.GrpcAddress);
        var headers = new Metadata().Add("x-request-id", "r-1").Add("x-key-bin", [1, 2, 3, 250]);

        var response = await client.UnaryWithMetadataAsync(Calls.EchoMethod, new EchoRequest { Text = "m" }, new CallOptions { Headers = headers });

        Assert.Equal("r-1", response.Headers.GetValue("x-request-id"));
        Assert.Equal([1, 2, 3, 250], response.Headers.GetBytes("x-key-bin"));
        Assert.Equal("done", response.Trailers.GetValue("x-trailer"));
        Assert.Equal([1, 2, 3, 250], response.Trailers.GetBytes("x-trailer-bin"));
    }

    [Fact]
    public async Task Our_client_sees_deadline_exceeded_and_the_handler_token_fires()
    {
        var client = GrpcClient.Create(fixture.Server.GrpcAddress);
        var id = Guid.NewGuid().ToString();

        var error = await Assert.ThrowsAsync<RpcException>(() =>
            client.UnaryAsync(Calls.SlowMethod, new SlowRequest { Id = id }, new CallOptions { Timeout = TimeSpan.FromSeconds(2) }));

        Assert.Equal(StatusCode.DeadlineExceeded, error.StatusCode);
        await fixture.Server.SlowCalls.For(id).TokenFired.Task.WaitAsync(TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task Cancelling_a_call_cancels_the_handler()
    {
        var client = GrpcClient.Create(fixture.Server.GrpcAddress);
        var id = Guid.NewGuid().ToString();
        using var cancellation = new CancellationTokenSource();
        var call = client.UnaryAsync(Calls.SlowMethod, new SlowRequest { Id = id }, new CallOptions { CancellationToken = cancellation.Token });
        var observed = fixture.Server.SlowCalls.For(id);
        Assert.Null(await observed.Deadline.Task.WaitAsync(TimeSpan.FromSeconds(30)));

        await cancellation.CancelAsync();

        var error = await Assert.ThrowsAsync<RpcException>(() => call);
        Assert.Equal(StatusCode.Cancelled, error.StatusCode);
        await observed.TokenFired.Task.WaitAsync(TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task Gzip_compressed_requests_and_responses_round_trip()
    {
        await using var server = await GrpcTestServer.StartAsync(new Dictionary<string, string?> { ["Grpc:ResponseCompression"] = "gzip" });
        var client = GrpcClient.Create(server.GrpcAddress, new GrpcClientOptions { CompressRequests = true });
        var text = new string('g', 10_000);

        var reply = await client.UnaryAsync(Calls.EchoMethod, new EchoRequest { Text = text });
        var raw = await RawGrpc.PostAsync(server.GrpcAddress, InteropService.Path + "Echo", RawGrpc.Frame(new EchoRequest { Text = text }),
            headers: new Dictionary<string, string> { ["grpc-accept-encoding"] = "identity,gzip" });

        Assert.Equal(text, reply.Text);
        Assert.Equal("gzip", raw.Headers["grpc-encoding"]);
        Assert.Equal(1, raw.Body[0]);
        Assert.True(raw.Body.Length < 1000);
    }

    [Fact]
    public async Task A_response_larger_than_the_client_accepts_is_resource_exhausted()
    {
        var client = GrpcClient.Create(fixture.Server.GrpcAddress, new GrpcClientOptions { MaxReceiveMessageSize = 1000 });

        var error = await Assert.ThrowsAsync<RpcException>(() => client.UnaryAsync(Calls.EchoMethod, new EchoRequest { ReplySize = 5000 }));

        Assert.Equal(StatusCode.ResourceExhausted, error.StatusCode);
    }

    [Fact]
    public async Task An_unreachable_server_is_unavailable()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var client = GrpcClient.Create(new Uri($"http://127.0.0.1:{port}"));

        var error = await Assert.ThrowsAsync<RpcException>(() => client.UnaryAsync(Calls.EchoMethod, new EchoRequest()));

        Assert.Equal(StatusCode.Unavailable, error.StatusCode);
    }
}
