namespace Platform.IntegrationEvents.Contracts;

/// <summary>
/// An approved amendment (addendum, extension, a changed result agreement or scope) changed an active contract;
/// <see cref="ChangedFields"/> says what.
/// </summary>
public sealed record ContractAmended(string Municipality, ContractSnapshot Contract, IReadOnlyList<string> ChangedFields) : IntegrationEvent, ITenantEvent;
