using Platform.Portal.Sections;

namespace Platform.Portal.Screens.Populations;

internal sealed class PopulationsSection : IPortalSection
{
    public string Service => "populations";
    public string Title => "Populaties";
    public int Order => 10;
    public IReadOnlyList<PortalLink> Links { get; } =
    [
        new("Gebieden", "/populaties/gebieden"),
        new("Populatiedefinities", "/populaties"),
        new("Overlap en hiaten", "/populaties/analyse"),
    ];
}
