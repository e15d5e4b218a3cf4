using Platform.Grpc;
using Platform.Grpc.Client;
using Platform.Provider.V1;

namespace Platform.Gateway.Tests;

/// <summary>A provider system's machine token reaches the provider gRPC API through the gateway, and nothing else does.</summary>
public class ProviderApiTests(GatewayFixture fixture) : IClassFixture<GatewayFixture>
{
    private static readonly GrpcMethod<WhoAmIRequest, WhoAmIResponse> WhoAmI =
        GrpcMethod.From<WhoAmIRequest, WhoAmIResponse>(ProviderIdentityReflection.Descriptor.Services[0].FindMethodByName("WhoAmI"));

    private GrpcClient Client(string? token) => GrpcClient.Create(fixture.GatewayGrpc, new GrpcClientOptions
    {
        AccessTokenProvider = _ => ValueTask.FromResult(token),
    });

    [Fact]
    public async Task A_provider_system_learns_who_it_is_from_its_token()
    {
        var token = await fixture.Tokens.ClientCredentialsTokenAsync("provider-rijnland-jeugd", "provider-rijnland-jeugd-dev-secret");

        var me = await Client(token).UnaryAsync(WhoAmI, new WhoAmIRequest());

        Assert.Equal("rijnland-jeugd", me.ProviderId);
        Assert.Equal("provider-rijnland-jeugd", me.ClientId);
        Assert.StartsWith("Rijnland Jeugd", me.ProviderName, StringComparison.Ordinal);
        Assert.Contains("provider-system", me.Roles);
    }

    [Fact]
    public async Task Staff_tokens_are_denied_the_provider_api()
    {
        var token = await fixture.Tokens.PasswordTokenAsync("advisor.alphen");

        var denied = await Assert.ThrowsAsync<RpcException>(() => Client(token).UnaryAsync(WhoAmI, new WhoAmIRequest()));

        Assert.Equal(StatusCode.PermissionDenied, denied.StatusCode);
    }

    [Fact]
    public async Task A_call_without_a_token_is_unauthenticated()
    {
        var refused = await Assert.ThrowsAsync<RpcException>(() => Client(null).UnaryAsync(WhoAmI, new WhoAmIRequest()));

        Assert.Equal(StatusCode.Unauthenticated, refused.StatusCode);
    }
}
