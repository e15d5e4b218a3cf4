using Microsoft.AspNetCore.Authorization;
using Platform.Security;

namespace Platform.Budgets.Api;

/// <summary>Who may do what. Row-level security scopes every stored row to the caller's municipality below the API.</summary>
internal static class BudgetsPolicies
{
    /// <summary>Policy advisors and controllers prepare allocations, scenarios and budget versions.</summary>
    public const string Prepare = "budgets:prepare";

    public static void Add(AuthorizationOptions options)
    {
        options.AddPolicy(Prepare, policy => policy
            .RequireAuthenticatedUser().RequireRole(PlatformRoles.PolicyAdvisor, PlatformRoles.Controller).RequireClaim(PlatformClaims.Municipality));
    }
}
