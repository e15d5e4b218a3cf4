using System.Security.Claims;
using System.Text.Json;

namespace Platform.Provider.Contracts.Identity;

/// <summary>
/// The realm roles of a validated token: the role claims when the authentication set them up,
/// otherwise Keycloak's <c>realm_access: { "roles": [...] }</c> claim read directly.
/// </summary>
internal static class TokenRoles
{
    private const string RealmAccess = "realm_access";

    public static IReadOnlyList<string> Of(ClaimsPrincipal user)
    {
        var roles = user.Identities
            .SelectMany(identity => identity.FindAll(claim => claim.Type == identity.RoleClaimType || claim.Type == ClaimTypes.Role))
            .Select(claim => claim.Value)
            .ToHashSet(StringComparer.Ordinal);
        if (roles.Count == 0)
        {
            foreach (var claim in user.FindAll(RealmAccess))
            {
                roles.UnionWith(FromRealmAccess(claim.Value));
            }
        }

        return [.. roles.Order(StringComparer.Ordinal)];
    }

    private static IEnumerable<string> FromRealmAccess(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("roles", out var roles)
                && roles.ValueKind == JsonValueKind.Array)
            {
                return [.. roles.EnumerateArray().Where(r => r.ValueKind == JsonValueKind.String).Select(r => r.GetString()!)];
            }
        }
        catch (JsonException)
        {
            // A malformed claim grants no role.
        }

        return [];
    }
}
