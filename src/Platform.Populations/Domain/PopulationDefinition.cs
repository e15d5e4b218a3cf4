namespace Platform.Populations.Domain;

/// <summary>
/// A delimited population ("afgebakende populatie"): the residents of <see cref="Areas"/> (areas of any
/// level of one municipality) who belong to <see cref="TargetGroup"/> during <see cref="Validity"/>.
/// </summary>
public sealed record PopulationDefinition(
    Guid Id,
    string Municipality,
    string Name,
    IReadOnlyList<AreaCode> Areas,
    TargetGroup TargetGroup,
    Period Validity,
    PopulationStatus Status);
