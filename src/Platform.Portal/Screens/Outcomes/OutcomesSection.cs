using Platform.Portal.Sections;

namespace Platform.Portal.Screens.Outcomes;

internal sealed class OutcomesSection : IPortalSection
{
    public string Service => "outcomes";
    public string Title => "Resultaten";
    public int Order => 50;
    public IReadOnlyList<PortalLink> Links { get; } =
    [
        new("Resultaten tegen de normen", "/resultaten"),
        new("Vergelijking met andere populaties", "/resultaten/vergelijking"),
    ];
}
