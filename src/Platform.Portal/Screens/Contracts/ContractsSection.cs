using Platform.Portal.Sections;

namespace Platform.Portal.Screens.Contracts;

internal sealed class ContractsSection : IPortalSection
{
    public string Service => "contracts";
    public string Title => "Contracten";
    public int Order => 30;
    public IReadOnlyList<PortalLink> Links { get; } =
    [
        new("Contracten", "/contracten"),
    ];
}
