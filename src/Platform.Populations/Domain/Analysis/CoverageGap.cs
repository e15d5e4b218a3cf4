namespace Platform.Populations.Domain.Analysis;

/// <summary>
/// Residents no active population covers under <see cref="Law"/> ("inwoners in de kou"): everyone aged
/// <see cref="Ages"/> in <see cref="Neighbourhoods"/> during <see cref="Period"/>.
/// </summary>
/// <param name="Law">The law the gap analysis was run for.</param>
/// <param name="Areas">The neighbourhoods, collapsed to districts or the municipality where whole.</param>
/// <param name="Neighbourhoods">Every leaf of the area tree with exactly this gap, in tree order.</param>
/// <param name="Ages">The uncovered ages; open at the top when the gap reaches <see cref="AgeRange.MaximumAge"/>.</param>
/// <param name="Period">The uncovered days within the analysed window.</param>
public sealed record CoverageGap(
    Law Law,
    IReadOnlyList<AreaCode> Areas,
    IReadOnlyList<AreaCode> Neighbourhoods,
    AgeRange Ages,
    Period Period);
