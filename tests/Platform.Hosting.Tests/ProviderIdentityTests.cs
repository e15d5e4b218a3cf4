using Platform.Hosting.Tests.Hosting;
using Platform.Hosting.Tests.PeerRunners;

namespace Platform.Hosting.Tests;

/// <summary>platform.provider.v1.ProviderIdentity/WhoAmI, called the way a provider's system calls it.</summary>
public class ProviderIdentityTests(GrpcServerFixture fixture) : IClassFixture<GrpcServerFixture>
{
    private Uri Target => fixture.Server.GrpcAddress;

    [Fact]
    public async Task WhoAmI_returns_the_provider_its_name_and_roles_from_the_token()
    {
        var token = TestTokens.Mint(["provider-system", "offline_access"], providerId: "tom-in-de-buurt", clientId: "provider-tom-in-de-buurt");

        var result = await PythonClient.CallAsync(Target, Calls.WhoAmI(token));

        Assert.True(result.Ok, result.Details);
        var me = result.Responses[0];
        Assert.Equal("tom-in-de-buurt", me.GetProperty("provider_id").GetString());
        Assert.Equal("Tom in de buurt", me.GetProperty("provider_name").GetString());
        Assert.Equal("provider-tom-in-de-buurt", me.GetProperty("client_id").GetString());
        Assert.Equal(["offline_access", "provider-system"], me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
    }

    [Fact]
    public async Task WhoAmI_falls_back_to_the_provider_id_when_the_directory_has_no_name()
    {
        var token = TestTokens.Mint(["provider-system"], providerId: "wijkteam-noord");

        var result = await NodeClient.CallAsync(Target, Calls.WhoAmI(token));

        Assert.True(result.Ok, result.Details);
        Assert.Equal("wijkteam-noord", result.Responses[0].GetProperty("provider_name").GetString());
    }

    [Fact]
    public async Task WhoAmI_refuses_a_municipal_user()
    {
        var token = TestTokens.Mint(["policy-advisor"]);

        var result = await PythonClient.CallAsync(Target, Calls.WhoAmI(token));

        Assert.Equal("PERMISSION_DENIED", result.Code);
    }

    [Fact]
    public async Task WhoAmI_without_a_token_is_unauthenticated()
    {
        var result = await PythonClient.CallAsync(Target, Calls.WhoAmI(token: null));

        Assert.Equal("UNAUTHENTICATED", result.Code);
    }
}
