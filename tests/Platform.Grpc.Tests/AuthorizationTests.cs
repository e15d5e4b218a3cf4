using Platform.Grpc.Client;
using Platform.Grpc.Tests.Hosting;
using Platform.Grpc.Tests.Interop;
using Platform.Grpc.Tests.PeerRunners;

namespace Platform.Grpc.Tests;

/// <summary>Bearer tokens in the authorization metadata, answered with gRPC statuses (never HTTP 401/403).</summary>
public class AuthorizationTests(GrpcServerFixture fixture) : IClassFixture<GrpcServerFixture>
{
    private Uri Target => fixture.Server.GrpcAddress;

    [Fact]
    public async Task No_token_is_unauthenticated()
    {
        var result = await PythonClient.CallAsync(Target, Calls.Secret("x"));

        Assert.Equal("UNAUTHENTICATED", result.Code);
    }

    [Fact]
    public async Task A_token_signed_by_another_key_is_unauthenticated()
    {
        var token = TestTokens.Mint([InteropService.ReaderRole], signedByStranger: true);

        var result = await PythonClient.CallAsync(Target, Calls.Secret("x") with { Token = token });

        Assert.Equal("UNAUTHENTICATED", result.Code);
    }

    [Fact]
    public async Task A_valid_token_without_the_role_is_permission_denied()
    {
        var token = TestTokens.Mint(["policy-advisor"]);

        var result = await PythonClient.CallAsync(Target, Calls.Secret("x") with { Token = token });

        Assert.Equal("PERMISSION_DENIED", result.Code);
    }

    [Fact]
    public async Task A_valid_token_with_the_role_is_served()
    {
        var token = TestTokens.Mint([InteropService.ReaderRole]);

        var result = await PythonClient.CallAsync(Target, Calls.Secret("geheim") with { Token = token });

        Assert.True(result.Ok, result.Details);
        Assert.Equal("geheim", result.Text());
    }

    [Fact]
    public async Task Refusals_are_trailers_only_grpc_responses_with_http_200()
    {
        var response = await RawGrpc.PostAsync(Target, InteropService.Path + "Secret", RawGrpc.Frame(new EchoRequest()));

        Assert.Equal(System.Net.HttpStatusCode.OK, response.HttpStatus);
        Assert.True(response.IsTrailersOnly);
        Assert.Equal(StatusCode.Unauthenticated, response.Status);
    }

    [Fact]
    public async Task Our_client_attaches_the_token_from_its_provider()
    {
        var client = GrpcClient.Create(Target, new GrpcClientOptions
        {
            AccessTokenProvider = _ => ValueTask.FromResult<string?>(TestTokens.Mint([InteropService.ReaderRole])),
        });
        var anonymous = GrpcClient.Create(Target);

        var reply = await client.UnaryAsync(Calls.SecretMethod, new EchoRequest { Text = "met token" });
        var refused = await Assert.ThrowsAsync<RpcException>(() => anonymous.UnaryAsync(Calls.SecretMethod, new EchoRequest()));

        Assert.Equal("met token", reply.Text);
        Assert.Equal(StatusCode.Unauthenticated, refused.StatusCode);
    }

    [Fact]
    public async Task Methods_without_a_policy_stay_anonymous()
    {
        var result = await PythonClient.CallAsync(Target, Calls.Echo("open"));

        Assert.True(result.Ok, result.Details);
    }
}
