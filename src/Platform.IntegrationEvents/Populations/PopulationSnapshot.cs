namespace Platform.IntegrationEvents.Populations;

/// <summary>
/// A population's definition as other services need it: the areas (CBS codes of any level), the target
/// group and the validity period (both ends inclusive; open when null).
/// </summary>
public sealed record PopulationSnapshot(
    Guid PopulationId,
    string Municipality,
    string Name,
    string Status,
    IReadOnlyList<string> Areas,
    int AgeFrom,
    int? AgeTo,
    IReadOnlyList<string> Laws,
    IReadOnlyList<string> CareForms,
    string? DiagnosisGroup,
    DateOnly ValidFrom,
    DateOnly? ValidTo,
    int Version);
