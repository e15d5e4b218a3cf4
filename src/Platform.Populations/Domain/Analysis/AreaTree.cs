namespace Platform.Populations.Domain.Analysis;

/// <summary>
/// The known areas of one or more municipalities, reduced to their leaves: every known neighbourhood
/// ("buurt"), plus every district or municipality that has no known neighbourhood, which then counts as
/// itself. An area of any level stands for the leaves inside it.
/// </summary>
public sealed class AreaTree
{
    private readonly AreaCode[] _leaves;
    private readonly Dictionary<string, int> _leafIndex = new(StringComparer.Ordinal);
    private readonly Dictionary<string, NeighbourhoodSet> _groups = new(StringComparer.Ordinal);

    // Leaves are sorted so that the leaves of one district, and of one municipality, are contiguous.
    private readonly int[] _municipalityEnd;
    private readonly int[] _districtEnd;

    private AreaTree(IEnumerable<AreaCode> areas)
    {
        var known = areas.DistinctBy(area => area.Value).ToList();
        var hasChildren = known
            .SelectMany(area => new[] { area.Level == AreaLevel.Neighbourhood ? area.District : null, area.Level == AreaLevel.Municipality ? null : area.Municipality })
            .OfType<string>()
            .ToHashSet(StringComparer.Ordinal);
        _leaves = known
            .Where(area => !hasChildren.Contains(area.Value))
            .OrderBy(area => area.Municipality, StringComparer.Ordinal)
            .ThenBy(area => area.District ?? string.Empty, StringComparer.Ordinal)
            .ThenBy(area => area.Value, StringComparer.Ordinal)
            .ToArray();
        SourceAreas = known;

        _municipalityEnd = new int[_leaves.Length];
        _districtEnd = new int[_leaves.Length];
        for (var i = _leaves.Length - 1; i >= 0; i--)
        {
            var leaf = _leaves[i];
            var next = i + 1 < _leaves.Length ? _leaves[i + 1] : null;
            _municipalityEnd[i] = next?.Municipality == leaf.Municipality ? _municipalityEnd[i + 1] : i + 1;
            _districtEnd[i] = leaf.District is not null && next?.District == leaf.District ? _districtEnd[i + 1] : i + 1;

            _leafIndex[leaf.Value] = i;
            GroupOf(leaf.Municipality).Add(i);
            if (leaf.District is { } district)
            {
                GroupOf(district).Add(i);
            }
        }
    }

    /// <summary>The leaves in a stable order: by municipality, district, code.</summary>
    public IReadOnlyList<AreaCode> Neighbourhoods => _leaves;

    internal IReadOnlyList<AreaCode> SourceAreas { get; }

    internal int Count => _leaves.Length;

    public static AreaTree From(IEnumerable<AreaCode> areas)
    {
        ArgumentNullException.ThrowIfNull(areas);
        return new AreaTree(areas);
    }

    /// <summary>The leaves inside <paramref name="area"/>; empty when the tree knows nothing inside it.</summary>
    public IReadOnlyList<AreaCode> NeighbourhoodsIn(AreaCode area) => [.. Expand([area]).Indices().Select(i => _leaves[i])];

    /// <summary>
    /// The shortest readable list naming the same leaves as <paramref name="areas"/>: a municipality when all
    /// its leaves are named, else a district when all of its leaves are, else the leaves themselves.
    /// </summary>
    public IReadOnlyList<AreaCode> Collapse(IEnumerable<AreaCode> areas) => Collapse(Expand(areas));

    internal AreaCode LeafAt(int index) => _leaves[index];

    internal NeighbourhoodSet Expand(IEnumerable<AreaCode> areas)
    {
        var set = new NeighbourhoodSet(_leaves.Length);
        foreach (var area in areas)
        {
            if (area.Level == AreaLevel.Neighbourhood)
            {
                if (_leafIndex.TryGetValue(area.Value, out var index))
                {
                    set.Add(index);
                }
            }
            else if (_groups.TryGetValue(area.Value, out var group))
            {
                set.UnionWith(group);
            }
        }

        return set;
    }

    internal IReadOnlyList<AreaCode> Collapse(NeighbourhoodSet set)
    {
        var codes = new List<AreaCode>();
        var skipUntil = 0;
        foreach (var i in set.Indices())
        {
            if (i < skipUntil)
            {
                continue;
            }

            var leaf = _leaves[i];
            if (set.IsSupersetOf(_groups[leaf.Municipality]))
            {
                codes.Add(AreaCode.Parse(leaf.Municipality));
                skipUntil = _municipalityEnd[i];
            }
            else if (leaf.District is { } district && set.IsSupersetOf(_groups[district]))
            {
                codes.Add(AreaCode.Parse(district));
                skipUntil = _districtEnd[i];
            }
            else
            {
                codes.Add(leaf);
            }
        }

        return codes;
    }

    /// <summary>
    /// This tree, extended with those of <paramref name="areas"/> that it knows nothing inside, so that two
    /// populations naming the same unknown area still meet there.
    /// </summary>
    internal AreaTree WithAreas(IEnumerable<AreaCode> areas)
    {
        var unknown = areas.Where(area => Expand([area]).IsEmpty).ToList();
        return unknown.Count == 0 ? this : new AreaTree(SourceAreas.Concat(unknown));
    }

    private NeighbourhoodSet GroupOf(string code)
    {
        if (!_groups.TryGetValue(code, out var group))
        {
            group = new NeighbourhoodSet(_leaves.Length);
            _groups[code] = group;
        }

        return group;
    }
}
