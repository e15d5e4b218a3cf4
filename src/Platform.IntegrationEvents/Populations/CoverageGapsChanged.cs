namespace Platform.IntegrationEvents.Populations;

/// <summary>
/// The residents of a municipality that no active population covers under <see cref="Law"/> ("in de kou")
/// changed, within the analysed window.
/// </summary>
public sealed record CoverageGapsChanged(
    string Municipality,
    string Law,
    DateOnly WindowFrom,
    DateOnly WindowTo,
    int GapCount,
    IReadOnlyList<string> Summary) : IntegrationEvent, ITenantEvent;
