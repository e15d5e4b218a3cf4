namespace Platform.IntegrationEvents.Contracts;

/// <summary>A contract came into force: from now on its contracting party answers for its populations.</summary>
public sealed record ContractActivated(string Municipality, ContractSnapshot Contract) : IntegrationEvent, ITenantEvent;
