namespace Platform.IntegrationEvents.Populations;

/// <summary>
/// A provider (by its provider id from the realm) is responsible for a population over a period; other
/// services scope that provider's access by it.
/// </summary>
public sealed record PopulationResponsibilityAssigned(
    string Municipality,
    Guid ResponsibilityId,
    Guid PopulationId,
    string ProviderId,
    DateOnly ValidFrom,
    DateOnly? ValidTo) : IntegrationEvent, ITenantEvent;
