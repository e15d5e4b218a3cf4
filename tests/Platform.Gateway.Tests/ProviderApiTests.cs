using Grpc.Core;
using Grpc.Health.V1;
using Platform.Provider.V1;
using Platform.Testing;

namespace Platform.Gateway.Tests;

/// <summary>A provider system's machine token reaches the provider gRPC API through the gateway, and nothing else does.</summary>
public class ProviderApiTests(GatewayFixture fixture) : IClassFixture<GatewayFixture>
{
    private ProviderIdentity.ProviderIdentityClient Client(string? token) => new(GrpcTestClients.Invoker(fixture.GatewayGrpc, token));

    [Fact]
    public async Task A_provider_system_learns_who_it_is_from_its_token()
    {
        var token = await fixture.Tokens.ClientCredentialsTokenAsync("provider-rijnland-jeugd", "provider-rijnland-jeugd-dev-secret");

        var me = await Client(token).WhoAmIAsync(new WhoAmIRequest());

        Assert.Equal("rijnland-jeugd", me.ProviderId);
        Assert.Equal("provider-rijnland-jeugd", me.ClientId);
        Assert.StartsWith("Rijnland Jeugd", me.ProviderName, StringComparison.Ordinal);
        Assert.Contains("provider-system", me.Roles);
    }

    [Fact]
    public async Task Staff_tokens_are_denied_the_provider_api()
    {
        var token = await fixture.Tokens.PasswordTokenAsync("advisor.alphen");

        var denied = await Assert.ThrowsAsync<RpcException>(async () => await Client(token).WhoAmIAsync(new WhoAmIRequest()));

        Assert.Equal(StatusCode.PermissionDenied, denied.StatusCode);
    }

    [Fact]
    public async Task A_call_without_a_token_is_unauthenticated()
    {
        var refused = await Assert.ThrowsAsync<RpcException>(async () => await Client(null).WhoAmIAsync(new WhoAmIRequest()));

        Assert.Equal(StatusCode.Unauthenticated, refused.StatusCode);
    }

    [Fact]
    public async Task The_gateway_serves_grpc_health_without_a_token()
    {
        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, await GrpcTestClients.HealthAsync(fixture.GatewayGrpc));
    }
}
