namespace Platform.Security;

/// <summary>Claim names of the platform's tokens (Keycloak's shape, with the realm's own mappers).</summary>
public static class PlatformClaims
{
    public const string Subject = "sub";
    public const string Username = "preferred_username";
    public const string Role = "role";
    public const string RealmAccess = "realm_access";
    public const string AuthorizedParty = "azp";

    /// <summary>CBS code of the user's municipality (<c>GMnnnn</c>): the tenant.</summary>
    public const string Municipality = "municipality";

    /// <summary>The region a coordinator oversees.</summary>
    public const string Region = "region";

    /// <summary>The provider a machine client acts for.</summary>
    public const string ProviderId = "provider_id";
}
