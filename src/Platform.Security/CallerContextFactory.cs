using System.Security.Claims;

namespace Platform.Security;

/// <summary>
/// Turns a validated token into the caller context every database transaction carries, so row-level
/// security sees the tenant, region, provider and roles the identity provider vouched for, and nothing
/// a client could add on its own.
/// </summary>
public static class CallerContextFactory
{
    public static CallerContext FromPrincipal(ClaimsPrincipal principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        if (principal.Identity?.IsAuthenticated != true)
        {
            throw new InvalidOperationException("Only an authenticated caller has a caller context.");
        }

        var roles = principal.FindAll(PlatformClaims.Role).Select(c => c.Value).Distinct(StringComparer.Ordinal).ToList();
        var subject = principal.FindFirst(PlatformClaims.Subject)?.Value
            ?? principal.FindFirst(PlatformClaims.AuthorizedParty)?.Value
            ?? throw new InvalidOperationException("The token names no subject.");

        // A provider system acts for its provider only, never as a municipality, whatever else the token says.
        var isProvider = roles.Contains(PlatformRoles.ProviderSystem);
        return new CallerContext(
            Municipality: isProvider ? null : Claim(principal, PlatformClaims.Municipality),
            Subject: subject,
            Roles: roles,
            ProviderId: isProvider ? Claim(principal, PlatformClaims.ProviderId) : null,
            Region: Claim(principal, PlatformClaims.Region));
    }

    private static string? Claim(ClaimsPrincipal principal, string type) =>
        principal.FindFirst(type)?.Value is { Length: > 0 } value ? value : null;
}
