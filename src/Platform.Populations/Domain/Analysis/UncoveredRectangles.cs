namespace Platform.Populations.Domain.Analysis;

/// <summary>
/// The part of a rectangle that a set of covering rectangles leaves open, as few readable rectangles: cut
/// ages and days at every boundary (elementary intervals), mark the covered cells, then merge the open
/// cells into maximal age runs per day slice and those runs across consecutive slices.
/// </summary>
internal static class UncoveredRectangles
{
    public static List<AgeDayRectangle> Within(AgeDayRectangle bounds, IReadOnlyList<AgeDayRectangle> covers)
    {
        var ageCuts = Cuts(bounds.AgeFrom, bounds.AgeTo, covers.Select(c => (c.AgeFrom, c.AgeTo)));
        var dayCuts = Cuts(bounds.DayFrom, bounds.DayTo, covers.Select(c => (c.DayFrom, c.DayTo)));
        var covered = new bool[dayCuts.Length - 1, ageCuts.Length - 1];
        foreach (var cover in covers)
        {
            var (ageStart, ageEnd) = (Array.BinarySearch(ageCuts, cover.AgeFrom), Array.BinarySearch(ageCuts, cover.AgeTo + 1));
            for (var d = Array.BinarySearch(dayCuts, cover.DayFrom); d < Array.BinarySearch(dayCuts, cover.DayTo + 1); d++)
            {
                for (var a = ageStart; a < ageEnd; a++)
                {
                    covered[d, a] = true;
                }
            }
        }

        var rectangles = new List<AgeDayRectangle>();
        var open = new Dictionary<(int, int), int>();
        for (var d = 0; d < dayCuts.Length - 1; d++)
        {
            var stillOpen = new Dictionary<(int, int), int>();
            foreach (var ages in OpenRuns(covered, d, ageCuts))
            {
                if (open.TryGetValue(ages, out var index))
                {
                    rectangles[index] = rectangles[index] with { DayTo = dayCuts[d + 1] - 1 };
                }
                else
                {
                    index = rectangles.Count;
                    rectangles.Add(new AgeDayRectangle(ages.From, ages.To, dayCuts[d], dayCuts[d + 1] - 1));
                }

                stillOpen[ages] = index;
            }

            open = stillOpen;
        }

        return rectangles;
    }

    /// <summary>The maximal runs of uncovered age cells in one day slice.</summary>
    private static IEnumerable<(int From, int To)> OpenRuns(bool[,] covered, int slice, int[] ageCuts)
    {
        var runStart = -1;
        for (var a = 0; a <= ageCuts.Length - 1; a++)
        {
            var isOpen = a < ageCuts.Length - 1 && !covered[slice, a];
            if (isOpen && runStart < 0)
            {
                runStart = a;
            }
            else if (!isOpen && runStart >= 0)
            {
                yield return (ageCuts[runStart], ageCuts[a] - 1);
                runStart = -1;
            }
        }
    }

    /// <summary>Sorted distinct starts of the elementary intervals, ending with one past the bounds.</summary>
    private static int[] Cuts(int from, int to, IEnumerable<(int From, int To)> intervals)
    {
        var cuts = new SortedSet<int> { from, to + 1 };
        foreach (var (start, end) in intervals)
        {
            cuts.Add(start);
            cuts.Add(end + 1);
        }

        return [.. cuts];
    }
}
