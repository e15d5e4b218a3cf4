using Microsoft.Extensions.Options;
using Platform.Portal.Sections;
using Platform.Security;

namespace Platform.Portal.Services;

/// <summary>The signed-in user as the page shows them: name, municipality and roles, in Dutch.</summary>
public sealed class PortalUser(IHttpContextAccessor accessor, IOptions<PortalOptions> options)
{
    private static readonly Dictionary<string, string> RoleNames = new()
    {
        [PlatformRoles.PlatformAdmin] = "Platformbeheerder",
        [PlatformRoles.RegionCoordinator] = "Regiocoördinator",
        [PlatformRoles.PolicyAdvisor] = "Beleidsadviseur",
        [PlatformRoles.ContractManager] = "Contractmanager",
        [PlatformRoles.Controller] = "Controller",
        [PlatformRoles.Auditor] = "Auditor",
    };

    private System.Security.Claims.ClaimsPrincipal Principal => accessor.HttpContext?.User ?? new();

    public bool IsSignedIn => Principal.Identity?.IsAuthenticated == true;

    public string Name => Principal.FindFirst("name")?.Value ?? Principal.FindFirst(PlatformClaims.Username)?.Value ?? "onbekend";

    /// <summary>The user's subject, as the services record who proposed, decided or changed something.</summary>
    public string? Subject => Principal.FindFirst(PlatformClaims.Subject)?.Value
        ?? Principal.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value;

    /// <summary>Who did something, as a reader of a history sees it: "u" for the user themself.</summary>
    public string Who(string? subject) => subject is null ? "–" : subject == Subject ? $"u ({Name})" : subject;

    public string? MunicipalityCode => Principal.FindFirst(PlatformClaims.Municipality)?.Value;

    public string Municipality => MunicipalityCode is { } code
        ? MunicipalityName(code)
        : Principal.FindFirst(PlatformClaims.Region)?.Value is { } region ? $"Regio {region}" : "Geen gemeente";

    public IReadOnlyList<string> Roles => [.. Principal.FindAll(PlatformClaims.Role).Select(c => c.Value).Where(RoleNames.ContainsKey)];

    public string RoleNamesText => Roles.Count == 0 ? "Geen rol" : string.Join(", ", Roles.Select(r => RoleNames[r]));

    public bool HasRole(params string[] roles) => roles.Any(r => Principal.IsInRole(r) || Roles.Contains(r));

    /// <summary>Whether the navigation lists the section for this user.</summary>
    public bool Sees(IPortalSection section) => section.Roles.Count == 0 || HasRole([.. section.Roles]);

    /// <summary>A municipality's name by its CBS code, as <c>Portal:Municipalities</c> knows it.</summary>
    public string MunicipalityName(string code) => options.Value.Municipalities.GetValueOrDefault(code, code);
}
