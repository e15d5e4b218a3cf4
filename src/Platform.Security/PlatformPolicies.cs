using Microsoft.AspNetCore.Authorization;

namespace Platform.Security;

/// <summary>Named authorization policies shared by the gateway and the services.</summary>
public static class PlatformPolicies
{
    /// <summary>Any authenticated caller of the platform's realm.</summary>
    public const string Authenticated = "authenticated";

    /// <summary>Staff of a municipality (any municipal role) with a municipality claim.</summary>
    public const string MunicipalStaff = "municipal-staff";

    /// <summary>A provider system's machine client carrying its provider id.</summary>
    public const string ProviderSystem = "provider-system";

    public const string PlatformAdmin = "platform-admin";

    /// <summary>People of the platform: municipal staff, regional coordinators and administrators, never a machine client.</summary>
    public const string Staff = "staff";

    internal static void Add(AuthorizationOptions options)
    {
        options.AddPolicy(Authenticated, policy => policy.RequireAuthenticatedUser());
        options.AddPolicy(MunicipalStaff, policy => policy
            .RequireAuthenticatedUser()
            .RequireRole(PlatformRoles.MunicipalStaff)
            .RequireClaim(PlatformClaims.Municipality));
        options.AddPolicy(ProviderSystem, policy => policy
            .RequireAuthenticatedUser()
            .RequireRole(PlatformRoles.ProviderSystem)
            .RequireClaim(PlatformClaims.ProviderId));
        options.AddPolicy(Staff, policy => policy
            .RequireAuthenticatedUser()
            .RequireRole([.. PlatformRoles.MunicipalStaff, PlatformRoles.RegionCoordinator, PlatformRoles.PlatformAdmin])
            .RequireAssertion(context => !context.User.IsInRole(PlatformRoles.ProviderSystem)));
        options.AddPolicy(PlatformAdmin, policy => policy.RequireAuthenticatedUser().RequireRole(PlatformRoles.PlatformAdmin));
    }
}
