namespace Platform.IntegrationEvents.Populations;

/// <summary>A municipality defined a new population (in draft until it is activated).</summary>
public sealed record PopulationDefined(string Municipality, PopulationSnapshot Population) : IntegrationEvent, ITenantEvent;
