using System.Globalization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace Platform.Gateway.Login;

/// <summary>
/// The session's tokens live inside the encrypted cookie's properties: the browser carries them but
/// cannot read them. Shortly before the access token expires, the gateway refreshes it.
/// </summary>
internal static class SessionTokens
{
    public static AuthenticationProperties Properties(TokenResponse tokens)
    {
        var properties = new AuthenticationProperties { IsPersistent = false };
        Store(properties, tokens);
        return properties;
    }

    public static async Task RefreshWhenDueAsync(CookieValidatePrincipalContext context)
    {
        var expiresAt = context.Properties.GetTokenValue("expires_at");
        var refreshAhead = context.HttpContext.RequestServices.GetRequiredService<IOptions<GatewayOptions>>().Value.RefreshAhead;
        if (expiresAt is null || DateTimeOffset.Parse(expiresAt, CultureInfo.InvariantCulture) - DateTimeOffset.UtcNow > refreshAhead)
        {
            return;
        }

        var refreshToken = context.Properties.GetTokenValue("refresh_token");
        var oidc = context.HttpContext.RequestServices.GetRequiredService<OidcClient>();
        try
        {
            var tokens = await oidc.RefreshAsync(refreshToken ?? throw new SecurityTokenException("The session has no refresh token."), context.HttpContext.RequestAborted);
            await oidc.ValidateAccessTokenAsync(tokens.AccessToken!, context.HttpContext.RequestAborted);
            Store(context.Properties, tokens with { IdToken = tokens.IdToken ?? context.Properties.GetTokenValue("id_token") });
            context.ShouldRenew = true;
        }
        catch (SecurityTokenException)
        {
            // The identity provider ended the session (logout elsewhere, expiry): so does the gateway.
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        }
    }

    private static void Store(AuthenticationProperties properties, TokenResponse tokens)
    {
        var list = new List<AuthenticationToken>
        {
            new() { Name = "access_token", Value = tokens.AccessToken! },
            new() { Name = "expires_at", Value = DateTimeOffset.UtcNow.AddSeconds(tokens.ExpiresIn).ToString("o", CultureInfo.InvariantCulture) },
        };
        if (tokens.RefreshToken is not null)
        {
            list.Add(new() { Name = "refresh_token", Value = tokens.RefreshToken });
        }

        if (tokens.IdToken is not null)
        {
            list.Add(new() { Name = "id_token", Value = tokens.IdToken });
        }

        properties.StoreTokens(list);
    }
}
