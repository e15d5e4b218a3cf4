using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Platform.LocalInfrastructure;

namespace Platform.Gateway.Tests;

/// <summary>
/// Mints tokens as an attacker would try them. Signing with the identity provider's own key (read
/// from its data folder) makes each attack fail for the one reason it is about, not for its signature.
/// </summary>
internal sealed class TokenForger(Uri issuer, RsaSecurityKey realmKey)
{
    public Uri Issuer { get; } = issuer;

    public static TokenForger For(IdentityProviderServer identityProvider)
    {
        var jwk = JsonDocument.Parse(File.ReadAllText(Path.Combine(identityProvider.InstanceDirectory, "data", "signing-key.json"))).RootElement;
        byte[] Part(string name) => Base64UrlEncoder.DecodeBytes(jwk.GetProperty(name).GetString());
        var rsa = RSA.Create();
        rsa.ImportParameters(new RSAParameters
        {
            Modulus = Part("n"), Exponent = Part("e"), D = Part("d"), P = Part("p"), Q = Part("q"),
            DP = Part("dp"), DQ = Part("dq"), InverseQ = Part("qi"),
        });
        return new TokenForger(identityProvider.Issuer, new RsaSecurityKey(rsa) { KeyId = jwk.GetProperty("kid").GetString() });
    }

    /// <summary>A token shaped like one the realm issues for a policy advisor of Alphen aan den Rijn.</summary>
    public string Mint(Action<SecurityTokenDescriptor>? tamper = null, SecurityKey? key = null)
    {
        var now = DateTime.UtcNow;
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = Issuer.ToString().TrimEnd('/'),
            Audience = "platform-api",
            IssuedAt = now,
            NotBefore = now,
            Expires = now.AddMinutes(5),
            Claims = new Dictionary<string, object>
            {
                ["sub"] = Guid.NewGuid().ToString(),
                ["azp"] = "platform-cli",
                ["typ"] = "Bearer",
                ["preferred_username"] = "advisor.alphen",
                ["municipality"] = "GM0484",
                ["realm_access"] = new Dictionary<string, object> { ["roles"] = new[] { "policy-advisor" } },
            },
            SigningCredentials = new SigningCredentials(key ?? realmKey, SecurityAlgorithms.RsaSha256),
        };
        tamper?.Invoke(descriptor);
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(descriptor);
    }

    public static SecurityKey AnotherRealmsKey() => new RsaSecurityKey(RSA.Create(2048)) { KeyId = "another-realm" };

    /// <summary>The same claims, unsigned: header <c>{"alg":"none"}</c> and an empty signature.</summary>
    public string Unsigned()
    {
        var signed = Mint();
        var payload = signed.Split('.')[1];
        return $"{Base64UrlEncoder.Encode("{\"alg\":\"none\",\"typ\":\"JWT\"}")}.{payload}.";
    }
}
