using Microsoft.AspNetCore.Authorization;
using Platform.Security;

namespace Platform.Contracts.Api;

/// <summary>Who may do what with contracts. Row-level security enforces the municipality below the API.</summary>
internal static class ContractsPolicies
{
    /// <summary>Contract managers draft, activate, extend, end and propose amendments to their municipality's contracts.</summary>
    public const string Write = "contracts:write";

    /// <summary>Contract managers, policy advisors, controllers and auditors read their municipality's contracts.</summary>
    public const string Read = "contracts:read";

    /// <summary>A second person decides on an amendment: another contract manager or a controller.</summary>
    public const string Decide = "contracts:decide";

    public static void Add(AuthorizationOptions options)
    {
        options.AddPolicy(Write, policy => policy
            .RequireAuthenticatedUser().RequireRole(PlatformRoles.ContractManager).RequireClaim(PlatformClaims.Municipality));
        options.AddPolicy(Read, policy => policy
            .RequireAuthenticatedUser()
            .RequireRole(PlatformRoles.ContractManager, PlatformRoles.PolicyAdvisor, PlatformRoles.Controller, PlatformRoles.Auditor)
            .RequireClaim(PlatformClaims.Municipality));
        options.AddPolicy(Decide, policy => policy
            .RequireAuthenticatedUser().RequireRole(PlatformRoles.ContractManager, PlatformRoles.Controller).RequireClaim(PlatformClaims.Municipality));
    }
}
