namespace Platform.Populations.Domain.Analysis;

/// <summary>
/// Finds residents claimed by two active populations at once: same municipality, and areas, ages, laws,
/// care forms, diagnosis group and validity all intersecting.
/// </summary>
public static class OverlapAnalysis
{
    /// <summary>
    /// Every overlapping pair once, ordered by the populations' names (then ids); within a pair the first
    /// population is the one that sorts first.
    /// </summary>
    public static IReadOnlyList<PopulationOverlap> Find(AreaTree tree, IEnumerable<PopulationDefinition> populations)
    {
        ArgumentNullException.ThrowIfNull(tree);
        ArgumentNullException.ThrowIfNull(populations);

        var active = populations
            .Where(population => population.Status == PopulationStatus.Active)
            .OrderBy(population => population.Municipality, StringComparer.Ordinal)
            .ThenBy(population => population.Name, StringComparer.Ordinal)
            .ThenBy(population => population.Id)
            .ToList();
        var areas = tree.WithAreas(active.SelectMany(population => population.Areas));
        var candidates = active.Select(population => new Candidate(population, areas.Expand(population.Areas))).ToArray();

        var overlaps = new List<PopulationOverlap>();
        for (var i = 0; i < candidates.Length; i++)
        {
            var first = candidates[i];
            for (var j = i + 1; j < candidates.Length && candidates[j].Municipality == first.Municipality; j++)
            {
                var second = candidates[j];
                if (first.MayOverlap(second) && Overlap(areas, first, second) is { } overlap)
                {
                    overlaps.Add(overlap);
                }
            }
        }

        return overlaps;
    }

    private static PopulationOverlap? Overlap(AreaTree areas, Candidate first, Candidate second)
    {
        var group = TargetGroupIntersection.Of(first.Population.TargetGroup, second.Population.TargetGroup);
        var period = first.Population.Validity.Intersect(second.Population.Validity);
        if (group is null || period is null)
        {
            return null;
        }

        var shared = first.Areas.Intersect(second.Areas);
        return new PopulationOverlap(
            new PopulationReference(first.Population.Id, first.Population.Name),
            new PopulationReference(second.Population.Id, second.Population.Name),
            areas.Collapse(shared),
            [.. shared.Indices().Select(areas.LeafAt)],
            group,
            period);
    }

    /// <summary>A population with what the pair loop compares first, computed once.</summary>
    private sealed class Candidate(PopulationDefinition population, NeighbourhoodSet areas)
    {
        public PopulationDefinition Population { get; } = population;

        public NeighbourhoodSet Areas { get; } = areas;

        public string Municipality { get; } = population.Municipality;

        private int LawMask { get; } = population.TargetGroup.Laws.Aggregate(0, (mask, law) => mask | (1 << (int)law));

        private int AgeFrom { get; } = population.TargetGroup.Ages.From;

        private int AgeTo { get; } = population.TargetGroup.Ages.UpperBound;

        private int DayFrom { get; } = population.Validity.From.DayNumber;

        private int DayTo { get; } = population.Validity.UpperBound.DayNumber;

        /// <summary>The cheap integer tests that rule out most pairs before anything is allocated.</summary>
        public bool MayOverlap(Candidate other) =>
            (LawMask & other.LawMask) != 0
            && AgeFrom <= other.AgeTo && other.AgeFrom <= AgeTo
            && DayFrom <= other.DayTo && other.DayFrom <= DayTo
            && Areas.Overlaps(other.Areas);
    }
}
