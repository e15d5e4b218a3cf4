using Platform.Portal.Sections;

namespace Platform.Portal.Screens.Budgets;

internal sealed class BudgetsSection : IPortalSection
{
    public string Service => "budgets";
    public string Title => "Budgetten";
    public int Order => 40;
    public IReadOnlyList<PortalLink> Links { get; } =
    [
        new("Budgetten per contract", "/budgetten"),
        new("Scenario's vergelijken", "/budgetten/scenarios"),
    ];
}
