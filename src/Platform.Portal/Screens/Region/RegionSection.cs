using Platform.Portal.Sections;
using Platform.Security;

namespace Platform.Portal.Screens.Region;

/// <summary>The region coordinator's screen: the region's totals per municipality, from the services' region endpoints.</summary>
internal sealed class RegionSection : IPortalSection
{
    public string Service => "region";
    public string Title => "Regio";
    public int Order => 5;
    public IReadOnlyList<string> Roles { get; } = [PlatformRoles.RegionCoordinator];
    public IReadOnlyList<PortalLink> Links { get; } =
    [
        new("Regio-overzicht", "/regio"),
    ];
}
