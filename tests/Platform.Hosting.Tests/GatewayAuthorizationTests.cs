using Platform.Hosting.Tests.Hosting;
using Platform.Hosting.Tests.PeerRunners;

namespace Platform.Hosting.Tests;

/// <summary>The gateway refuses callers that are not provider systems before their call reaches the service.</summary>
[Collection(ThroughTheGateway.Name)]
public class GatewayAuthorizationTests(GatewayInteropFixture fixture)
{
    [Theory]
    [InlineData("python")]
    [InlineData("node")]
    public async Task A_call_without_a_token_is_unauthenticated_at_the_gateway(string peer)
    {
        var before = fixture.Backend.InteropRequests;

        var result = await GatewayInteropTests.CallAsync(peer, Calls.Echo("x"), fixture);

        Assert.Equal("UNAUTHENTICATED", result.Code);
        Assert.Equal(before, fixture.Backend.InteropRequests);
    }

    [Theory]
    [InlineData("python")]
    [InlineData("node")]
    public async Task A_staff_token_is_permission_denied_at_the_gateway(string peer)
    {
        var token = await fixture.Tokens.PasswordTokenAsync("advisor.alphen");
        var before = fixture.Backend.InteropRequests;

        var result = await GatewayInteropTests.CallAsync(peer, Calls.Echo("x") with { Token = token }, fixture);

        Assert.Equal("PERMISSION_DENIED", result.Code);
        Assert.Equal(before, fixture.Backend.InteropRequests);
    }

    [Fact]
    public async Task The_backend_counts_and_authorizes_the_provider_token_the_gateway_forwards()
    {
        var before = fixture.Backend.InteropRequests;

        var result = await GatewayInteropTests.CallAsync("python", Calls.Secret("geheim") with { Token = await fixture.ProviderTokenAsync() }, fixture);

        // Secret requires the provider-system role at the backend: it validated the realm's token itself.
        Assert.True(result.Ok, $"{result.Code}: {result.Details}");
        Assert.Equal("geheim", result.Text());
        Assert.Equal(before + 1, fixture.Backend.InteropRequests);
    }

    [Fact]
    public async Task The_backend_itself_refuses_a_staff_token_for_the_provider_method()
    {
        var token = await fixture.Tokens.PasswordTokenAsync("advisor.alphen");

        // Directly, not through the gateway: the backend's own authorization is real, not a formality.
        var result = await PythonClient.CallAsync(fixture.Backend.GrpcAddress, Calls.Secret("x") with { Token = token });

        Assert.Equal("PERMISSION_DENIED", result.Code);
    }
}
