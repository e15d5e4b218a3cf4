namespace Platform.IntegrationEvents.Populations;

/// <summary>
/// The whole current state of a municipality's populations and of who is responsible for them, sent again on an
/// administrator's request for services that joined later or lost their copy. Applying it leaves a consumer in
/// the state that applying every earlier population and responsibility event would have; it changes nothing.
/// </summary>
public sealed record PopulationsResent(
    string Municipality,
    IReadOnlyList<PopulationSnapshot> Populations,
    IReadOnlyList<ResponsibilitySnapshot> Responsibilities) : IntegrationEvent, ITenantEvent;

/// <summary>A provider's responsibility for a population over a period, both ends inclusive (open when null).</summary>
public sealed record ResponsibilitySnapshot(Guid ResponsibilityId, Guid PopulationId, string ProviderId, DateOnly ValidFrom, DateOnly? ValidTo);
