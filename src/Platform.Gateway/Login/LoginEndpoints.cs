using System.Security.Claims;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.IdentityModel.Tokens;
using Platform.Gateway.Protection;
using Platform.Security;

namespace Platform.Gateway.Login;

/// <summary>
/// Browser login with the authorization code flow and PKCE: <c>/login</c> sends the browser to the
/// realm, <c>/auth/callback</c> exchanges the code and opens an encrypted cookie session,
/// <c>/logout</c> ends it here and at the identity provider.
/// </summary>
internal static class LoginEndpoints
{
    public const string CallbackPath = "/auth/callback";

    public static IEndpointRouteBuilder MapLoginEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/login", LoginAsync).AllowAnonymous().WithName("Login");
        endpoints.MapGet(CallbackPath, CallbackAsync).AllowAnonymous().WithName("LoginCallback");
        endpoints.MapPost("/logout", LogoutAsync).RequireAuthorization().WithName("Logout");
        endpoints.MapGet("/auth/me", Me).RequireAuthorization().WithName("CurrentUser");
        endpoints.MapGet("/auth/antiforgery", AntiforgeryToken).RequireAuthorization().WithName("AntiforgeryToken");
        return endpoints;
    }

    private static async Task<Results<RedirectHttpResult, BadRequest<string>>> LoginAsync(
        string? returnUrl, HttpContext context, OidcClient oidc, IDataProtectionProvider protection, CancellationToken ct)
    {
        returnUrl ??= "/";
        if (!ReturnUrls.IsLocal(returnUrl))
        {
            return TypedResults.BadRequest("returnUrl must be a path on this site.");
        }

        var metadata = await oidc.MetadataAsync(ct);
        var login = LoginCorrelation.Start(returnUrl);
        login.Write(context, protection);
        var query = QueryString.Create(new Dictionary<string, string?>
        {
            ["client_id"] = oidc.ClientId,
            ["response_type"] = "code",
            ["scope"] = "openid profile email",
            ["redirect_uri"] = CallbackUri(context),
            ["state"] = login.State,
            ["nonce"] = login.Nonce,
            ["code_challenge"] = login.CodeChallenge,
            ["code_challenge_method"] = "S256",
        });
        return TypedResults.Redirect(metadata.AuthorizationEndpoint + query);
    }

    private static async Task<Results<RedirectHttpResult, BadRequest<string>>> CallbackAsync(
        string? code, string? state, string? error, HttpContext context, OidcClient oidc, IDataProtectionProvider protection,
        ILogger<OidcClient> logger, CancellationToken ct)
    {
        var login = LoginCorrelation.Read(context, protection);
        if (login is null || state is null || !CryptographicEquals(state, login.State))
        {
            return TypedResults.BadRequest("This login was not started here, or it expired. Start again at /login.");
        }

        if (error is not null || code is null)
        {
            return TypedResults.BadRequest($"The identity provider did not log you in ({error ?? "no code"}).");
        }

        try
        {
            var tokens = await oidc.ExchangeCodeAsync(code, login.CodeVerifier, CallbackUri(context), ct);
            await oidc.ValidateIdTokenAsync(tokens.IdToken ?? throw new SecurityTokenException("No ID token was returned."), login.Nonce, ct);
            var principal = await oidc.ValidateAccessTokenAsync(tokens.AccessToken!, ct);
            await context.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, SessionPrincipal(principal), SessionTokens.Properties(tokens));
            return TypedResults.Redirect(login.ReturnUrl);
        }
        catch (SecurityTokenException e)
        {
            logger.LogWarning(e, "Browser login failed");
            return TypedResults.BadRequest("The login could not be completed. Start again at /login.");
        }
    }

    private static async Task<RedirectHttpResult> LogoutAsync(HttpContext context, OidcClient oidc, CancellationToken ct)
    {
        var session = await context.AuthenticateAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        var metadata = await oidc.MetadataAsync(ct);
        var query = QueryString.Create(new Dictionary<string, string?>
        {
            ["client_id"] = oidc.ClientId,
            ["id_token_hint"] = session.Properties?.GetTokenValue("id_token"),
            ["post_logout_redirect_uri"] = PublicOrigin.Url(context, "/"),
        });
        return TypedResults.Redirect(metadata.EndSessionEndpoint + query);
    }

    private static Ok<CurrentUser> Me(ClaimsPrincipal user) => TypedResults.Ok(new CurrentUser(
        user.FindFirst(PlatformClaims.Username)?.Value,
        user.FindFirst(PlatformClaims.Municipality)?.Value,
        user.FindFirst(PlatformClaims.Region)?.Value,
        [.. user.FindAll(PlatformClaims.Role).Select(c => c.Value)]));

    private static Ok<AntiforgeryTokenResponse> AntiforgeryToken(HttpContext context, IAntiforgery antiforgery)
    {
        var tokens = antiforgery.GetAndStoreTokens(context);
        return TypedResults.Ok(new AntiforgeryTokenResponse(tokens.HeaderName!, tokens.RequestToken!));
    }

    /// <summary>The session keeps the claims a service or page needs, not the raw token claims.</summary>
    private static ClaimsPrincipal SessionPrincipal(ClaimsPrincipal token) =>
        new(new ClaimsIdentity(
            token.Claims.Where(c => c.Type is PlatformClaims.Subject or PlatformClaims.Username or PlatformClaims.Role
                or PlatformClaims.Municipality or PlatformClaims.Region or PlatformClaims.ProviderId or PlatformClaims.AuthorizedParty or "sid"),
            CookieAuthenticationDefaults.AuthenticationScheme,
            PlatformClaims.Username,
            PlatformClaims.Role));

    private static string CallbackUri(HttpContext context) => PublicOrigin.Url(context, CallbackPath);

    private static bool CryptographicEquals(string a, string b) =>
        System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(
            System.Text.Encoding.UTF8.GetBytes(a), System.Text.Encoding.UTF8.GetBytes(b));
}

internal sealed record CurrentUser(string? Username, string? Municipality, string? Region, IReadOnlyList<string> Roles);

internal sealed record AntiforgeryTokenResponse(string HeaderName, string Token);
