using System.Net.Http.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Configuration;
using Platform.Resources;

namespace Platform.AppHost.Operations;

/// <summary>
/// A token for the services' administrator endpoints. The realm has no client-credentials client with the
/// <c>platform-admin</c> role, so the operator signs in through the public client <c>platform-cli</c>, by default as
/// the realm's demonstration administrator (<c>Operations:User</c>, <c>Operations:Password</c> override it).
/// </summary>
internal static class OperatorToken
{
    public static async Task<string> GetAsync(string identityUrl, IConfiguration configuration, HttpClient client, CancellationToken cancellationToken)
    {
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "password",
            ["client_id"] = "platform-cli",
            ["username"] = configuration["Operations:User"] ?? "admin",
            ["password"] = configuration["Operations:Password"] ?? "demo",
        });
        using var response = await client.PostAsync(
            new Uri($"{identityUrl}/realms/{PlatformResources.Realm}/protocol/openid-connect/token"), form, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException(
                $"The identity provider refused the operator's sign-in ({(int)response.StatusCode}): {await response.Content.ReadAsStringAsync(cancellationToken)}");
        }
        var token = await response.Content.ReadFromJsonAsync<TokenResponse>(cancellationToken);
        return token?.AccessToken ?? throw new InvalidOperationException("The identity provider answered without an access token.");
    }

    private sealed record TokenResponse([property: JsonPropertyName("access_token")] string? AccessToken);
}
