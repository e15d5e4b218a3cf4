using Microsoft.AspNetCore.Authorization;
using Platform.Security;

namespace Platform.Budgets.Api;

/// <summary>Who may do what. Row-level security scopes every stored row to the caller's municipality below the API.</summary>
internal static class BudgetsPolicies
{
    /// <summary>Policy advisors and controllers prepare allocations, scenarios and budget versions.</summary>
    public const string Prepare = "budgets:prepare";

    /// <summary>
    /// Controllers and policy advisors adopt budget versions; the service refuses the one who proposed a version,
    /// so a second person always decides.
    /// </summary>
    public const string Approve = "budgets:approve";

    public static void Add(AuthorizationOptions options)
    {
        options.AddPolicy(Approve, policy => policy
            .RequireAuthenticatedUser().RequireRole(PlatformRoles.Controller, PlatformRoles.PolicyAdvisor).RequireClaim(PlatformClaims.Municipality));
        options.AddPolicy(Prepare, policy => policy
            .RequireAuthenticatedUser().RequireRole(PlatformRoles.PolicyAdvisor, PlatformRoles.Controller).RequireClaim(PlatformClaims.Municipality));
    }
}
