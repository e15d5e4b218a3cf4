using Microsoft.AspNetCore.Authorization;
using Platform.Security;

namespace Platform.Populations.Api;

/// <summary>Who may change what. Row-level security enforces the same below the API.</summary>
internal static class PopulationsPolicies
{
    /// <summary>Policy advisors define and change their municipality's populations and import its CBS figures.</summary>
    public const string EditPopulations = "populations:edit";

    /// <summary>Contract managers record which provider is responsible for a population.</summary>
    public const string AssignResponsibility = "populations:assign-responsibility";

    public static void Add(AuthorizationOptions options)
    {
        options.AddPolicy(EditPopulations, policy => policy
            .RequireAuthenticatedUser().RequireRole(PlatformRoles.PolicyAdvisor).RequireClaim(PlatformClaims.Municipality));
        options.AddPolicy(AssignResponsibility, policy => policy
            .RequireAuthenticatedUser().RequireRole(PlatformRoles.ContractManager).RequireClaim(PlatformClaims.Municipality));
    }
}
