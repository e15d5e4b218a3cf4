using System.Net;
using Microsoft.IdentityModel.Tokens;
using Platform.Testing;

namespace Platform.Gateway.Tests;

/// <summary>
/// The gateway keeps validated tokens, and a kept token is refused as soon as a fresh validation would refuse
/// it: after its expiry and when a single byte of it differs.
/// </summary>
public class CachedTokenTests(CachedTokenFixture fixture) : IClassFixture<CachedTokenFixture>
{
    [Fact]
    public async Task A_cached_token_keeps_its_roles_and_tenant()
    {
        using var client = fixture.GatewayClient(TokenForger.For(fixture.IdentityProvider).Mint());

        for (var i = 0; i < 3; i++)
        {
            var response = await client.GetAsync("/api/populations/whoami");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains("GM0484", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task An_expired_token_is_refused_even_when_cached()
    {
        var expires = DateTime.UtcNow.AddSeconds(5);
        using var client = fixture.GatewayClient(TokenForger.For(fixture.IdentityProvider).Mint(t => t.Expires = expires));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/populations/whoami")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/populations/whoami")).StatusCode);

        await Task.Delay(expires + CachedTokenFixture.ClockSkew + TimeSpan.FromMilliseconds(500) - DateTime.UtcNow);
        var before = fixture.ServiceRequests;

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/populations/whoami")).StatusCode);
        Assert.Equal(before, fixture.ServiceRequests);
    }

    [Theory]
    [InlineData(1)] // the claims
    [InlineData(2)] // the signature
    public async Task A_token_differing_in_one_byte_from_a_cached_one_is_validated_afresh_and_refused(int part)
    {
        var token = TokenForger.For(fixture.IdentityProvider).Mint();
        using (var client = fixture.GatewayClient(token))
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/populations/whoami")).StatusCode);
        }

        using var changed = fixture.GatewayClient(ChangeOneByte(token, part));
        var before = fixture.ServiceRequests;

        Assert.Equal(HttpStatusCode.Unauthorized, (await changed.GetAsync("/api/populations/whoami")).StatusCode);
        Assert.Equal(before, fixture.ServiceRequests);
    }

    [Fact]
    public async Task A_flood_of_distinct_tokens_beyond_the_cache_size_is_served_correctly()
    {
        var forger = TokenForger.For(fixture.IdentityProvider);
        var tokens = Enumerable.Range(0, CachedTokenFixture.CacheSize * 4).Select(_ => forger.Mint()).ToList();

        foreach (var token in tokens.Concat(tokens))
        {
            using var client = fixture.GatewayClient(token);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/populations/whoami")).StatusCode);
        }
    }

    /// <summary>Changes one character in the middle of a part of the token (0 header, 1 claims, 2 signature).</summary>
    private static string ChangeOneByte(string token, int part)
    {
        var parts = token.Split('.');
        var characters = parts[part].ToCharArray();
        var middle = characters.Length / 2;
        characters[middle] = characters[middle] == 'A' ? 'B' : 'A';
        parts[part] = new string(characters);
        return string.Join('.', parts);
    }
}
