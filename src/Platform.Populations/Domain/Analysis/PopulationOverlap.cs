namespace Platform.Populations.Domain.Analysis;

/// <summary>A population as named in an analysis result.</summary>
public sealed record PopulationReference(Guid Id, string Name);

/// <summary>
/// Two active populations that both claim the same residents ("dubbele verantwoordelijkheid"): the residents
/// of <see cref="Neighbourhoods"/> in <see cref="Group"/> during <see cref="Period"/>.
/// </summary>
/// <param name="First">The population that sorts first by name, then id.</param>
/// <param name="Second">The other population.</param>
/// <param name="Areas">The overlapping neighbourhoods, collapsed to districts or the municipality where whole.</param>
/// <param name="Neighbourhoods">Every overlapping leaf of the area tree, in tree order.</param>
/// <param name="Group">The intersection of both target groups: ages, laws, care forms and diagnosis group.</param>
/// <param name="Period">The days both populations are valid.</param>
public sealed record PopulationOverlap(
    PopulationReference First,
    PopulationReference Second,
    IReadOnlyList<AreaCode> Areas,
    IReadOnlyList<AreaCode> Neighbourhoods,
    TargetGroup Group,
    Period Period);
