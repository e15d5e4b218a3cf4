using Platform.Hosting.Tests.Hosting;
using Platform.Hosting.Tests.Contracts;
using Platform.Hosting.Tests.PeerRunners;

namespace Platform.Hosting.Tests;

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
    public async Task The_dotnet_client_is_served_with_a_token_and_refused_without()
    {
        using var channel = TestChannels.For(Target);
        var client = new Interop.InteropClient(channel);

        var reply = await client.SecretAsync(new EchoRequest { Text = "met token" }, TestChannels.Bearer(TestTokens.Mint([InteropService.ReaderRole])));
        var refused = await Assert.ThrowsAsync<RpcException>(async () => await client.SecretAsync(new EchoRequest()));
        var denied = await Assert.ThrowsAsync<RpcException>(async () => await client.SecretAsync(new EchoRequest(), TestChannels.Bearer(TestTokens.Mint(["policy-advisor"]))));

        Assert.Equal("met token", reply.Text);
        Assert.Equal(StatusCode.Unauthenticated, refused.StatusCode);
        Assert.Equal(StatusCode.PermissionDenied, denied.StatusCode);
    }

    [Fact]
    public async Task Methods_without_a_policy_stay_anonymous()
    {
        var result = await PythonClient.CallAsync(Target, Calls.Echo("open"));

        Assert.True(result.Ok, result.Details);
    }
}
