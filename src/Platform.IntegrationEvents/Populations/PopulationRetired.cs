namespace Platform.IntegrationEvents.Populations;

/// <summary>A population was retired: no new contract counts against it.</summary>
public sealed record PopulationRetired(string Municipality, PopulationSnapshot Population) : IntegrationEvent, ITenantEvent;
