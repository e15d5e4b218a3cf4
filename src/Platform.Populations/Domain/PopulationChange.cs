namespace Platform.Populations.Domain;

/// <summary>What a policy advisor submits to define or change a population, before validation.</summary>
public sealed record PopulationChange(
    string? Name,
    IReadOnlyList<string>? Areas,
    int? AgeFrom,
    int? AgeTo,
    IReadOnlyList<string>? Laws,
    IReadOnlyList<string>? CareForms,
    string? DiagnosisGroup,
    DateOnly? ValidFrom,
    DateOnly? ValidTo,
    int? ExpectedVersion = null);
