using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace Platform.Security.TokenCaching;

/// <summary>
/// The version of the signing keys a bearer token is validated against: the key ids and RFC 7638 thumbprints of
/// the realm's published keys. The metadata is refetched when a token names an unknown key (a rotation) and
/// twice a day; only a refetch with other keys changes the version, and with it empties the cache.
/// </summary>
internal static class KeySets
{
    private static readonly ConditionalWeakTable<OpenIdConnectConfiguration, string> s_versions = [];

    public static async ValueTask<string> VersionAsync(JwtBearerOptions options, CancellationToken cancellationToken)
    {
        if (options.ConfigurationManager is null)
        {
            return Version(options.TokenValidationParameters.IssuerSigningKeys ?? []);
        }

        var configuration = await options.ConfigurationManager.GetConfigurationAsync(cancellationToken);
        return s_versions.GetValue(configuration, c => Version(c.SigningKeys));
    }

    private static string Version(IEnumerable<SecurityKey> keys) => string.Join(
        ' ',
        keys.Select(key => $"{key.KeyId}:{(key.CanComputeJwkThumbprint() ? Base64UrlEncoder.Encode(key.ComputeJwkThumbprint()) : "")}").Order(StringComparer.Ordinal));
}
