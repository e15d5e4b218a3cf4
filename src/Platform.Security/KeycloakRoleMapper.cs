using System.Security.Claims;
using System.Text.Json;

namespace Platform.Security;

/// <summary>
/// Keycloak puts realm roles in a JSON claim, <c>realm_access: { "roles": [...] }</c>; ASP.NET Core
/// authorization reads role claims. This adds one <c>role</c> claim per realm role.
/// </summary>
public static class KeycloakRoleMapper
{
    public static void AddRealmRoles(ClaimsIdentity identity)
    {
        ArgumentNullException.ThrowIfNull(identity);
        var realmAccess = identity.FindFirst(PlatformClaims.RealmAccess)?.Value;
        if (string.IsNullOrEmpty(realmAccess))
        {
            return;
        }

        using var document = JsonDocument.Parse(realmAccess);
        if (document.RootElement.ValueKind != JsonValueKind.Object
            || !document.RootElement.TryGetProperty("roles", out var roles)
            || roles.ValueKind != JsonValueKind.Array)
        {
            return;
        }

        foreach (var role in roles.EnumerateArray())
        {
            if (role.ValueKind == JsonValueKind.String && !identity.HasClaim(PlatformClaims.Role, role.GetString()!))
            {
                identity.AddClaim(new Claim(PlatformClaims.Role, role.GetString()!));
            }
        }
    }
}
