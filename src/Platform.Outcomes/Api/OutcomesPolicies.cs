using Microsoft.AspNetCore.Authorization;
using Platform.Security;

namespace Platform.Outcomes.Api;

/// <summary>Who may read and change outcome figures. Row-level security enforces the tenant below the API.</summary>
internal static class OutcomesPolicies
{
    /// <summary>Policy advisors, contract managers, controllers and auditors of a municipality read the catalogue and results.</summary>
    public const string ReadResults = "outcomes:read";

    public static void Add(AuthorizationOptions options)
    {
        options.AddPolicy(ReadResults, policy => policy
            .RequireAuthenticatedUser()
            .RequireRole(PlatformRoles.PolicyAdvisor, PlatformRoles.ContractManager, PlatformRoles.Controller, PlatformRoles.Auditor)
            .RequireClaim(PlatformClaims.Municipality));
    }
}
