using System.Net.Http.Headers;
using System.Security.Claims;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;
using Platform.Security;

namespace Platform.Gateway.Login;

/// <summary>
/// The gateway as a confidential OpenID Connect client of the realm: it reads the realm's metadata
/// through the same configuration manager the bearer validation uses, exchanges codes and refresh
/// tokens, and validates what comes back exactly as it validates any bearer token.
/// </summary>
internal sealed class OidcClient(
    IHttpClientFactory httpClients,
    IOptionsMonitor<JwtBearerOptions> bearerOptions,
    IOptions<GatewayOptions> gatewayOptions)
{
    public const string HttpClientName = "identity-provider";
    private readonly GatewayOptions _gateway = gatewayOptions.Value;

    private JwtBearerOptions Bearer => bearerOptions.Get(JwtBearerDefaults.AuthenticationScheme);

    public string ClientId => _gateway.ClientId;

    public async Task<OpenIdConnectConfiguration> MetadataAsync(CancellationToken ct) =>
        await Bearer.ConfigurationManager!.GetConfigurationAsync(ct);

    public Task<TokenResponse> ExchangeCodeAsync(string code, string codeVerifier, string redirectUri, CancellationToken ct) =>
        RequestTokensAsync(new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code",
            ["code"] = code,
            ["code_verifier"] = codeVerifier,
            ["redirect_uri"] = redirectUri,
        }, ct);

    public Task<TokenResponse> RefreshAsync(string refreshToken, CancellationToken ct) =>
        RequestTokensAsync(new Dictionary<string, string>
        {
            ["grant_type"] = "refresh_token",
            ["refresh_token"] = refreshToken,
        }, ct);

    /// <summary>Validates an access token as the bearer handler would and returns its principal, roles mapped.</summary>
    public async Task<ClaimsPrincipal> ValidateAccessTokenAsync(string accessToken, CancellationToken ct)
    {
        var parameters = Bearer.TokenValidationParameters.Clone();
        parameters.IssuerSigningKeys = (await MetadataAsync(ct)).SigningKeys;
        var identity = await ValidateAsync(accessToken, parameters);
        KeycloakRoleMapper.AddRealmRoles(identity);
        return new ClaimsPrincipal(identity);
    }

    /// <summary>The ID token must be for this client, from this realm, and answer this login's nonce.</summary>
    public async Task ValidateIdTokenAsync(string idToken, string nonce, CancellationToken ct)
    {
        var parameters = Bearer.TokenValidationParameters.Clone();
        parameters.ValidAudience = ClientId;
        parameters.IssuerSigningKeys = (await MetadataAsync(ct)).SigningKeys;
        var identity = await ValidateAsync(idToken, parameters);
        if (identity.FindFirst("nonce")?.Value != nonce)
        {
            throw new SecurityTokenValidationException("The ID token does not answer this login's nonce.");
        }
    }

    private static async Task<ClaimsIdentity> ValidateAsync(string token, TokenValidationParameters parameters)
    {
        var result = await new JsonWebTokenHandler { MapInboundClaims = false }.ValidateTokenAsync(token, parameters);
        return result.IsValid ? result.ClaimsIdentity : throw result.Exception;
    }

    private async Task<TokenResponse> RequestTokensAsync(Dictionary<string, string> form, CancellationToken ct)
    {
        var metadata = await MetadataAsync(ct);
        using var request = new HttpRequestMessage(HttpMethod.Post, metadata.TokenEndpoint) { Content = new FormUrlEncodedContent(form) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(
            System.Text.Encoding.UTF8.GetBytes($"{Uri.EscapeDataString(ClientId)}:{Uri.EscapeDataString(_gateway.ClientSecret ?? string.Empty)}")));
        using var response = await httpClients.CreateClient(HttpClientName).SendAsync(request, ct);
        var tokens = await response.Content.ReadFromJsonAsync<TokenResponse>(ct);
        if (!response.IsSuccessStatusCode || tokens?.AccessToken is null)
        {
            throw new SecurityTokenException($"The identity provider refused the token request ({(int)response.StatusCode} {tokens?.Error}).");
        }

        return tokens;
    }
}

internal sealed record TokenResponse(
    [property: JsonPropertyName("access_token")] string? AccessToken,
    [property: JsonPropertyName("refresh_token")] string? RefreshToken,
    [property: JsonPropertyName("id_token")] string? IdToken,
    [property: JsonPropertyName("expires_in")] int ExpiresIn,
    [property: JsonPropertyName("error")] string? Error);
