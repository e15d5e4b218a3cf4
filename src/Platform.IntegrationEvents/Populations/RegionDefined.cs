namespace Platform.IntegrationEvents.Populations;

/// <summary>
/// A region ("regio", e.g. Holland Rijnland) was created or changed: the municipalities that share a deployment
/// and whose figures its regional coordinators may see together. Carries the whole list, so the last event wins.
/// </summary>
public sealed record RegionDefined(string Region, string Name, IReadOnlyList<string> Municipalities) : IntegrationEvent;
