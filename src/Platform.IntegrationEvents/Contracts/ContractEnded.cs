namespace Platform.IntegrationEvents.Contracts;

/// <summary>A contract ended (its term ran out, or it was terminated early on <see cref="EndedOn"/>); <see cref="Reason"/> says which.</summary>
public sealed record ContractEnded(string Municipality, ContractSnapshot Contract, DateOnly EndedOn, string Reason) : IntegrationEvent, ITenantEvent;
