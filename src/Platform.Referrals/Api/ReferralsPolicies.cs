using Microsoft.AspNetCore.Authorization;
using Platform.Security;

namespace Platform.Referrals.Api;

/// <summary>Who may do what with referral figures and signals. Row-level security enforces the tenant below the API.</summary>
internal static class ReferralsPolicies
{
    /// <summary>Policy advisors and contract managers take note of signals and put them on the steering talk's agenda.</summary>
    public const string AcknowledgeSignals = "referrals:acknowledge-signals";

    /// <summary>Regional coordinators see the region's figures per municipality, and nothing finer.</summary>
    public const string RegionFigures = "referrals:region-figures";

    public static void Add(AuthorizationOptions options)
    {
        options.AddPolicy(AcknowledgeSignals, policy => policy
            .RequireAuthenticatedUser().RequireRole(PlatformRoles.PolicyAdvisor, PlatformRoles.ContractManager).RequireClaim(PlatformClaims.Municipality));
        options.AddPolicy(RegionFigures, policy => policy
            .RequireAuthenticatedUser().RequireRole(PlatformRoles.RegionCoordinator).RequireClaim(PlatformClaims.Region));
    }
}
