namespace Platform.IntegrationEvents.Populations;

/// <summary>A population's definition or status changed (activation included); <see cref="ChangedFields"/> says what.</summary>
public sealed record PopulationChanged(string Municipality, PopulationSnapshot Population, IReadOnlyList<string> ChangedFields) : IntegrationEvent, ITenantEvent;
