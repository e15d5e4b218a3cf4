using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Http;
using Microsoft.IdentityModel.JsonWebTokens;

namespace Platform.Security.TokenCaching;

/// <summary>
/// Puts the <see cref="ValidatedTokenCache"/> in front of the bearer handler's validation. A token found in the
/// cache for the key set the handler would validate against now authenticates the request at once; any other
/// goes through full validation (and the realm-role mapping), and is cached afterwards.
/// </summary>
internal static class CachedBearerTokens
{
    private const string BearerPrefix = "Bearer ";

    /// <summary>The key set version a request's token is validated against, from lookup to caching.</summary>
    private static readonly object s_keySetVersionItem = new();

    public static void Attach(JwtBearerOptions jwt, ValidatedTokenCache cache)
    {
        jwt.Events ??= new JwtBearerEvents();
        var messageReceived = jwt.Events.OnMessageReceived;
        var tokenValidated = jwt.Events.OnTokenValidated;

        jwt.Events.OnMessageReceived = async context =>
        {
            await messageReceived(context);
            if (context.Result is not null || (context.Token ?? BearerToken(context.Request)) is not { Length: > 0 } token)
            {
                return;
            }

            context.Token = token;
            var keySetVersion = await KeySets.VersionAsync(context.Options, context.HttpContext.RequestAborted);
            if (cache.Find(token, keySetVersion) is { } cached)
            {
                context.Principal = cached.Principal;
                context.Properties.ExpiresUtc = cached.ExpiresAt;
                context.Success();
                return;
            }

            context.HttpContext.Items[s_keySetVersionItem] = keySetVersion;
        };

        jwt.Events.OnTokenValidated = async context =>
        {
            await tokenValidated(context);
            if (context.Result is null
                && context.Principal is { } principal
                && context.SecurityToken is JsonWebToken validated
                && context.HttpContext.Items[s_keySetVersionItem] is string keySetVersion)
            {
                cache.Add(validated.EncodedToken, keySetVersion, principal, new DateTimeOffset(validated.ValidTo, TimeSpan.Zero));
            }
        };
    }

    /// <summary>The token as the bearer handler itself reads it from the <c>Authorization</c> header.</summary>
    private static string? BearerToken(HttpRequest request)
    {
        string authorization = request.Headers.Authorization.ToString();
        return authorization.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase)
            ? authorization[BearerPrefix.Length..].Trim()
            : null;
    }
}
