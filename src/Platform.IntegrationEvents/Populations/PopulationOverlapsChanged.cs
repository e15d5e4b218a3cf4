namespace Platform.IntegrationEvents.Populations;

/// <summary>The set of active populations of a municipality that cover the same residents changed.</summary>
public sealed record PopulationOverlapsChanged(string Municipality, int OverlapCount, IReadOnlyList<string> Summary) : IntegrationEvent, ITenantEvent;
