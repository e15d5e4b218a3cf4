using System.Net;
using Microsoft.IdentityModel.Tokens;

namespace Platform.Gateway.Tests;

/// <summary>Every forged or misused token is refused by the gateway before any service logic runs.</summary>
public class TokenAttackTests(GatewayFixture fixture) : IClassFixture<GatewayFixture>
{
    public static TheoryData<string> Attacks => new()
    {
        "expired", "not yet valid", "wrong issuer", "wrong audience", "bad signature", "alg none", "another realm", "another client",
    };

    [Fact]
    public async Task A_well_formed_token_signed_by_the_realm_is_accepted()
    {
        var forger = TokenForger.For(fixture.IdentityProvider);
        using var client = fixture.GatewayClient(forger.Mint());

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/populations/whoami")).StatusCode);
    }

    [Theory]
    [MemberData(nameof(Attacks))]
    public async Task A_forged_or_misused_token_is_refused_before_reaching_the_service(string attack)
    {
        var forger = TokenForger.For(fixture.IdentityProvider);
        var token = attack switch
        {
            "expired" => forger.Mint(t => { t.IssuedAt = DateTime.UtcNow.AddMinutes(-20); t.NotBefore = t.IssuedAt; t.Expires = DateTime.UtcNow.AddMinutes(-10); }),
            "not yet valid" => forger.Mint(t => { t.NotBefore = DateTime.UtcNow.AddMinutes(10); t.Expires = DateTime.UtcNow.AddMinutes(20); }),
            "wrong issuer" => forger.Mint(t => t.Issuer = "http://127.0.0.1:1/realms/platform"),
            "wrong audience" => forger.Mint(t => t.Audience = "account"),
            "bad signature" => Tampered(forger.Mint()),
            "alg none" => forger.Unsigned(),
            "another realm" => forger.Mint(t => t.Issuer = forger.Issuer.ToString().Replace("/realms/platform", "/realms/other", StringComparison.Ordinal), TokenForger.AnotherRealmsKey()),
            "another client" => forger.Mint(t => { t.Audience = "some-other-client"; t.Claims["azp"] = "some-other-client"; }),
            _ => throw new ArgumentOutOfRangeException(nameof(attack)),
        };
        using var client = fixture.GatewayClient(token);
        var before = fixture.ServiceRequests;

        var response = await client.GetAsync("/api/populations/whoami");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(before, fixture.ServiceRequests);
    }

    /// <summary>Changes the payload after signing: claims an extra role.</summary>
    private static string Tampered(string token)
    {
        var parts = token.Split('.');
        var payload = Base64UrlEncoder.Decode(parts[1]).Replace("\"policy-advisor\"", "\"policy-advisor\",\"platform-admin\"", StringComparison.Ordinal);
        return $"{parts[0]}.{Base64UrlEncoder.Encode(payload)}.{parts[2]}";
    }
}
