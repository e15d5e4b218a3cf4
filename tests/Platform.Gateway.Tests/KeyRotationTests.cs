using System.Net;
using Platform.Testing;

namespace Platform.Gateway.Tests;

/// <summary>
/// A key rotation empties the gateway's cache of validated tokens. A gateway of its own: any token with a bad
/// signature makes the gateway refetch the realm's keys, and it does so at most once in five minutes, so another
/// test's forgery would hide the rotation from it.
/// </summary>
public class KeyRotationTests(CachedTokenFixture fixture) : IClassFixture<CachedTokenFixture>
{
    [Fact]
    public async Task A_rotated_key_set_empties_the_cache()
    {
        using var cached = fixture.GatewayClient(TokenForger.For(fixture.IdentityProvider).Mint());
        Assert.Equal(HttpStatusCode.OK, (await cached.GetAsync("/api/populations/whoami")).StatusCode);

        await fixture.RotateSigningKeyAsync();

        // The first token signed with the new key makes the gateway fetch the realm's keys again.
        using var rotated = fixture.GatewayClient(TokenForger.For(fixture.IdentityProvider).Mint());
        Assert.True(await Eventually.TrueAsync(async () =>
            (await rotated.GetAsync("/api/populations/whoami")).StatusCode == HttpStatusCode.OK, TimeSpan.FromSeconds(30)));
        var before = fixture.ServiceRequests;

        Assert.Equal(HttpStatusCode.Unauthorized, (await cached.GetAsync("/api/populations/whoami")).StatusCode);
        Assert.Equal(before, fixture.ServiceRequests);
    }
}
