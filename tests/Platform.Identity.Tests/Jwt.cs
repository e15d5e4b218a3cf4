using System.Text;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Platform.LocalInfrastructure;

namespace Platform.Identity.Tests;

/// <summary>Reads and checks tokens the way the platform's services do: signature from the published keys, issuer, audience, lifetime.</summary>
internal static class Jwt
{
    private static readonly HttpClient s_http = new();

    public static JsonElement Payload(string token) => Part(token, 1);

    public static JsonElement Header(string token) => Part(token, 0);

    public static async Task<JsonWebKeySet> KeysAsync(IdentityProviderServer identity) =>
        new(await s_http.GetStringAsync(new Uri($"{identity.Issuer}/protocol/openid-connect/certs")));

    public static async Task<TokenValidationResult> ValidateAsync(IdentityProviderServer identity, string token, string audience = "platform-api")
    {
        var keys = await KeysAsync(identity);
        return await new JsonWebTokenHandler().ValidateTokenAsync(token, new TokenValidationParameters
        {
            ValidIssuer = identity.Issuer.ToString(),
            ValidAudience = audience,
            IssuerSigningKeys = keys.GetSigningKeys(),
            ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
        });
    }

    public static IEnumerable<string> Strings(JsonElement element) =>
        element.ValueKind == JsonValueKind.Array ? element.EnumerateArray().Select(item => item.GetString()!) : [element.GetString()!];

    private static JsonElement Part(string token, int index)
    {
        var part = token.Split('.')[index].Replace('-', '+').Replace('_', '/');
        part = part.PadRight(part.Length + ((4 - (part.Length % 4)) % 4), '=');
        using var document = JsonDocument.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(part)));
        return document.RootElement.Clone();
    }
}
