namespace Platform.Security;

/// <summary>The realm roles of the platform, as they appear in <c>realm_access.roles</c>.</summary>
public static class PlatformRoles
{
    public const string PlatformAdmin = "platform-admin";
    public const string RegionCoordinator = "region-coordinator";
    public const string PolicyAdvisor = "policy-advisor";
    public const string ContractManager = "contract-manager";
    public const string Controller = "controller";
    public const string Auditor = "auditor";
    public const string ProviderSystem = "provider-system";

    /// <summary>Staff of a municipality: they act within their own tenant.</summary>
    public static readonly IReadOnlyList<string> MunicipalStaff = [PolicyAdvisor, ContractManager, Controller, Auditor];
}
