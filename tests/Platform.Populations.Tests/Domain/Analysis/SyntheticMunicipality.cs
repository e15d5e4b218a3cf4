using System.Globalization;
using Platform.Populations.Domain;
using Platform.Populations.Domain.Analysis;

namespace Platform.Populations.Tests.Domain.Analysis;

/// <summary>
/// A large municipality (GM0999) for the scale test and the benchmark: 50 districts of 20 neighbourhoods,
/// per district an adult and a youth team, two populations with hand-checked overlaps, and seeded random
/// populations of every shape (neighbourhoods, districts, the city; target groups; periods) for the rest.
/// </summary>
internal sealed class SyntheticMunicipality
{
    public const string Municipality = "GM0999";

    private static readonly int[] AgeStarts = [0, 4, 12, 18, 23, 27, 65];
    private static readonly int?[] AgeEnds = [3, 11, 17, 22, 26, 64, null];
    private static readonly string[] CareForms = ["begeleiding", "dagbesteding", "huishoudelijke hulp", "jeugdhulp"];

    private SyntheticMunicipality(AreaTree tree, List<PopulationDefinition> populations)
    {
        Tree = tree;
        Populations = populations;
    }

    public AreaTree Tree { get; }

    public List<PopulationDefinition> Populations { get; }

    public static Period Window { get; } = new(new DateOnly(2024, 1, 1), new DateOnly(2027, 12, 31));

    public static SyntheticMunicipality Build(int districts = 50, int neighbourhoodsPerDistrict = 20, int populations = 500, int seed = 20250101)
    {
        var tree = AreaTree.From(
            from d in Enumerable.Range(1, districts)
            from n in Enumerable.Range(1, neighbourhoodsPerDistrict)
            select AreaCode.Parse($"BU0999{d:D2}{n:D2}"));
        var since2025 = new Period(new DateOnly(2025, 1, 1), null);
        var list = new List<PopulationDefinition>();
        for (var d = 1; d <= districts; d++)
        {
            list.Add(Define(list.Count, $"Adults WK0999{d:D2}", [$"WK0999{d:D2}"], new AgeRange(18, null), [Law.Wmo], [], null, since2025));
            list.Add(Define(list.Count, $"Youth WK0999{d:D2}", [$"WK0999{d:D2}"], new AgeRange(0, 17), [Law.Jeugdwet], [], null, since2025));
        }

        list.Add(Define(list.Count, "Elderly BU09990105", ["BU09990105"], new AgeRange(65, null), [Law.Wmo], [], null, since2025));
        list.Add(Define(list.Count, "Psychiatric youth GM0999", [Municipality], new AgeRange(12, 23), [Law.Jeugdwet, Law.Wmo], [], "EPA", since2025));

        var random = new Random(seed);
        while (list.Count < populations)
        {
            list.Add(RandomPopulation(random, list.Count, districts, neighbourhoodsPerDistrict));
        }

        return new SyntheticMunicipality(tree, list);
    }

    private static PopulationDefinition RandomPopulation(Random random, int number, int districts, int neighbourhoods)
    {
        var shape = random.Next(100);
        string[] areas = shape switch
        {
            < 60 => [.. Enumerable.Range(0, random.Next(1, 5)).Select(_ => $"BU0999{random.Next(1, districts + 1):D2}{random.Next(1, neighbourhoods + 1):D2}")],
            < 95 => [$"WK0999{random.Next(1, districts + 1):D2}"],
            _ => [Municipality],
        };
        var from = AgeStarts[random.Next(AgeStarts.Length)];
        var ends = AgeEnds.Where(end => end is null || end >= from).ToArray();
        var laws = Enum.GetValues<Law>().Where(_ => random.Next(2) == 0).DefaultIfEmpty(Law.Wmo).ToArray();
        var narrowed = random.Next(5) == 0;
        var careForms = narrowed && random.Next(2) == 0 ? CareForms.Where(_ => random.Next(2) == 0).Take(2).ToArray() : [];
        var diagnosis = narrowed && careForms.Length == 0 ? (random.Next(2) == 0 ? "EPA" : "LVB") : null;
        var start = new DateOnly(2024 + random.Next(3), random.Next(2) == 0 ? 1 : 7, 1);
        var months = random.Next(4) switch { 0 => 6, 1 => 12, 2 => 24, _ => (int?)null };
        var validity = new Period(start, months is { } m ? start.AddMonths(m).AddDays(-1) : null);
        var status = random.Next(10) switch { 0 => PopulationStatus.Draft, 1 => PopulationStatus.Retired, _ => PopulationStatus.Active };
        return Define(number, $"Random {number:D3}", areas, new AgeRange(from, ends[random.Next(ends.Length)]), laws, careForms, diagnosis, validity, status);
    }

    private static PopulationDefinition Define(
        int number, string name, string[] areas, AgeRange ages, Law[] laws, string[] careForms, string? diagnosis, Period validity,
        PopulationStatus status = PopulationStatus.Active) =>
        new(
            Guid.Parse(number.ToString("D32", CultureInfo.InvariantCulture)),
            Municipality,
            name,
            [.. areas.Select(AreaCode.Parse)],
            new TargetGroup(ages, laws.ToHashSet(), careForms.ToHashSet(StringComparer.Ordinal), diagnosis),
            validity,
            status);
}
