namespace Platform.Populations.Domain.Analysis;

/// <summary>
/// Finds the residents of the known neighbourhoods that no active population under a law covers within a
/// window, ages 0 to <see cref="AgeRange.MaximumAge"/>. Only target groups covering every resident of their
/// ages close a gap; one narrowed by care form or diagnosis leaves the others uncovered.
/// </summary>
public static class CoverageGapAnalysis
{
    /// <summary>
    /// One gap per uncovered (ages × period) rectangle, naming every neighbourhood that has exactly that
    /// rectangle uncovered; ordered by the first such neighbourhood in tree order, then period, then ages.
    /// </summary>
    public static IReadOnlyList<CoverageGap> Find(AreaTree tree, IEnumerable<PopulationDefinition> populations, Law law, Period window)
    {
        ArgumentNullException.ThrowIfNull(tree);
        ArgumentNullException.ThrowIfNull(populations);
        ArgumentNullException.ThrowIfNull(window);
        if (!window.IsValid(out var error))
        {
            throw new ArgumentException(error, nameof(window));
        }

        var bounds = AgeDayRectangle.Of(AgeRange.Everyone, window);
        var covers = populations
            .Where(population => population.Status == PopulationStatus.Active
                && population.TargetGroup.Laws.Contains(law)
                && population.TargetGroup.CoversEveryResident)
            .Select(population => (Areas: tree.Expand(population.Areas),
                Rectangle: AgeDayRectangle.Of(population.TargetGroup.Ages, population.Validity).ClipTo(bounds)))
            .Where(cover => !cover.Rectangle.IsEmpty)
            .ToList();

        // Neighbourhoods covered by the same populations have the same gaps: work those out once.
        var coversPerLeaf = new List<int>[tree.Count];
        for (var leaf = 0; leaf < tree.Count; leaf++)
        {
            coversPerLeaf[leaf] = [];
        }

        for (var c = 0; c < covers.Count; c++)
        {
            foreach (var leaf in covers[c].Areas.Indices())
            {
                coversPerLeaf[leaf].Add(c);
            }
        }

        var leavesPerGap = new Dictionary<AgeDayRectangle, NeighbourhoodSet>();
        var firstLeafPerGap = new Dictionary<AgeDayRectangle, int>();
        foreach (var sameCovers in Enumerable.Range(0, tree.Count).GroupBy(leaf => string.Join(',', coversPerLeaf[leaf])))
        {
            var rectangles = coversPerLeaf[sameCovers.First()].Select(c => covers[c].Rectangle).ToList();
            foreach (var gap in UncoveredRectangles.Within(bounds, rectangles))
            {
                if (!leavesPerGap.TryGetValue(gap, out var leaves))
                {
                    leaves = new NeighbourhoodSet(tree.Count);
                    leavesPerGap[gap] = leaves;
                    firstLeafPerGap[gap] = sameCovers.First();
                }

                foreach (var leaf in sameCovers)
                {
                    leaves.Add(leaf);
                }
            }
        }

        return [.. leavesPerGap
            .OrderBy(gap => firstLeafPerGap[gap.Key])
            .ThenBy(gap => gap.Key.DayFrom)
            .ThenBy(gap => gap.Key.AgeFrom)
            .Select(gap => new CoverageGap(
                law,
                tree.Collapse(gap.Value),
                [.. gap.Value.Indices().Select(tree.LeafAt)],
                gap.Key.Ages,
                gap.Key.Period))];
    }
}
