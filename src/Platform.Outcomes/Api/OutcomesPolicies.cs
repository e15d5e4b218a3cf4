using Microsoft.AspNetCore.Authorization;
using Platform.Security;

namespace Platform.Outcomes.Api;

/// <summary>Who may read and change outcome figures. Row-level security enforces the tenant below the API.</summary>
internal static class OutcomesPolicies
{
    /// <summary>Policy advisors, contract managers, controllers and auditors of a municipality read the catalogue and results.</summary>
    public const string ReadResults = "outcomes:read";

    /// <summary>Contract managers and controllers run the evaluation of their municipality's result agreements on demand.</summary>
    public const string Evaluate = "outcomes:evaluate";

    public static void Add(AuthorizationOptions options)
    {
        options.AddPolicy(Evaluate, policy => policy
            .RequireAuthenticatedUser()
            .RequireRole(PlatformRoles.ContractManager, PlatformRoles.Controller)
            .RequireClaim(PlatformClaims.Municipality));
        options.AddPolicy(ReadResults, policy => policy
            .RequireAuthenticatedUser()
            .RequireRole(PlatformRoles.PolicyAdvisor, PlatformRoles.ContractManager, PlatformRoles.Controller, PlatformRoles.Auditor)
            .RequireClaim(PlatformClaims.Municipality));
    }
}
