namespace Platform.Referrals.Domain.Monitoring;

/// <summary>One neighbourhood's CBS figures on a reference date; null is unknown (suppressed).</summary>
public sealed record NeighbourhoodFigures(
    string Neighbourhood, DateOnly ReferenceDate, double? Inhabitants, double? Age0To14, double? Age15To24, double? Age25To44,
    double? Age45To64, double? Age65Plus);

/// <summary>A population's delimitation as far as its size goes.</summary>
public sealed record PopulationExtent(Guid PopulationId, string Name, IReadOnlyList<string> Areas, int AgeFrom, int? AgeTo);

/// <summary>A provider's responsibility for a population over a period, both ends inclusive.</summary>
public sealed record ResponsibilityPeriod(string ProviderId, Guid PopulationId, DateOnly From, DateOnly? To);

/// <summary>
/// The denominators of the rates, as of a period: the inhabitants of an area, of a population (its areas and
/// ages) and of a provider (the populations it answered for in the period). Figures are read as of the period's
/// last day, the newest reference date on or before it. Unknown when any neighbourhood needed is unknown or when
/// no figures are that old: a rate on a guessed denominator would mislead.
/// </summary>
public sealed class Denominators
{
    /// <summary>The highest age of the open 65+ band when pro-rating it, as the populations service does.</summary>
    private const int OldestAgeInTopBand = 99;

    private static readonly (int From, int To)[] Bands = [(0, 14), (15, 24), (25, 44), (45, 64), (65, OldestAgeInTopBand)];

    private readonly Dictionary<string, NeighbourhoodFigures[]> _figures;
    private readonly Dictionary<Guid, PopulationExtent> _populations;
    private readonly IReadOnlyList<ResponsibilityPeriod> _responsibilities;

    public Denominators(
        IEnumerable<NeighbourhoodFigures> figures, IEnumerable<PopulationExtent> populations, IEnumerable<ResponsibilityPeriod> responsibilities)
    {
        _figures = figures.GroupBy(f => f.Neighbourhood)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(f => f.ReferenceDate).ToArray(), StringComparer.Ordinal);
        _populations = populations.ToDictionary(p => p.PopulationId);
        _responsibilities = [.. responsibilities];
    }

    public IEnumerable<string> Neighbourhoods => _figures.Keys;

    public IEnumerable<NeighbourhoodFigures> FiguresOf(string neighbourhood) =>
        _figures.TryGetValue(neighbourhood, out var dated) ? dated : [];

    public string NameOf(Guid populationId) => _populations.TryGetValue(populationId, out var p) ? p.Name : populationId.ToString();

    /// <summary>Inhabitants of a neighbourhood, a district or a municipality (by CBS code).</summary>
    public long? InhabitantsOfArea(string areaCode, ReportingPeriod period) =>
        Sum(NeighbourhoodsIn(areaCode), period, f => f.Inhabitants);

    public long? InhabitantsOfPopulation(Guid populationId, ReportingPeriod period)
    {
        if (!_populations.TryGetValue(populationId, out var population))
        {
            return null;
        }

        var neighbourhoods = population.Areas.SelectMany(NeighbourhoodsIn).Distinct(StringComparer.Ordinal);
        return Sum(neighbourhoods, period, f => InAgeRange(f, population.AgeFrom, population.AgeTo ?? int.MaxValue));
    }

    /// <summary>The inhabitants of every population the provider answered for on any day of the period.</summary>
    public long? InhabitantsOfProvider(string providerId, ReportingPeriod period)
    {
        long total = 0;
        foreach (var populationId in _responsibilities
            .Where(r => r.ProviderId == providerId && r.From <= period.End && (r.To is null || r.To >= period.Start))
            .Select(r => r.PopulationId).Distinct())
        {
            if (InhabitantsOfPopulation(populationId, period) is not { } size)
            {
                return null;
            }

            total += size;
        }

        return total == 0 ? null : total;
    }

    private IEnumerable<string> NeighbourhoodsIn(string areaCode)
    {
        if (areaCode.StartsWith("BU", StringComparison.Ordinal))
        {
            return [areaCode];
        }

        var prefix = string.Concat("BU", areaCode.AsSpan(2));
        return _figures.Keys.Where(n => n.StartsWith(prefix, StringComparison.Ordinal));
    }

    private long? Sum(IEnumerable<string> neighbourhoods, ReportingPeriod period, Func<NeighbourhoodFigures, double?> value)
    {
        double total = 0;
        var any = false;
        foreach (var neighbourhood in neighbourhoods)
        {
            var asOf = _figures.TryGetValue(neighbourhood, out var dated) ? dated.FirstOrDefault(f => f.ReferenceDate <= period.End) : null;
            if (asOf is null || value(asOf) is not { } v)
            {
                return null;
            }

            total += v;
            any = true;
        }

        return any ? (long)Math.Round(total) : null;
    }

    /// <summary>The age range's share of CBS's five age bands, pro-rating a band by the years it covers.</summary>
    private static double? InAgeRange(NeighbourhoodFigures f, int from, int to)
    {
        double?[] counts = [f.Age0To14, f.Age15To24, f.Age25To44, f.Age45To64, f.Age65Plus];
        double total = 0;
        for (var i = 0; i < Bands.Length; i++)
        {
            var (bandFrom, bandTo) = Bands[i];
            var coveredFrom = Math.Max(bandFrom, from);
            var coveredTo = Math.Min(bandTo, to);
            if (coveredFrom > coveredTo)
            {
                continue;
            }

            if (counts[i] is not { } count)
            {
                return null;
            }

            total += count * (coveredTo - coveredFrom + 1) / (bandTo - bandFrom + 1);
        }

        return total;
    }
}
