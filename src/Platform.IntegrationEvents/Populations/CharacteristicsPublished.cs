namespace Platform.IntegrationEvents.Populations;

/// <summary>
/// New or corrected characteristics of a municipality's areas for one reference date ("peildatum"),
/// e.g. from a CBS import. A value of null is unknown (suppressed by CBS), never zero.
/// </summary>
public sealed record CharacteristicsPublished(
    string Municipality,
    DateOnly ReferenceDate,
    Guid ImportId,
    IReadOnlyList<AreaCharacteristics> Areas) : IntegrationEvent, ITenantEvent;

/// <summary>One area's values, keyed by characteristic (e.g. <c>inhabitants</c>, <c>age_0_14</c>).</summary>
public sealed record AreaCharacteristics(string AreaCode, IReadOnlyDictionary<string, double?> Values);
