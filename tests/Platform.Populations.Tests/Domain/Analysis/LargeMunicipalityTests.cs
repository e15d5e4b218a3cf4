using Platform.Populations.Domain;
using Platform.Populations.Domain.Analysis;

namespace Platform.Populations.Tests.Domain.Analysis;

/// <summary>
/// 500 populations over 1,000 neighbourhoods: known pairs checked by hand, the rest against a plain
/// reference written with sets of codes. Timing is the benchmark's job, not this test's.
/// </summary>
public class LargeMunicipalityTests
{
    private static readonly SyntheticMunicipality City = SyntheticMunicipality.Build();

    private static readonly IReadOnlyList<PopulationOverlap> Overlaps = OverlapAnalysis.Find(City.Tree, City.Populations);

    private static PopulationOverlap? Between(string first, string second) =>
        Overlaps.SingleOrDefault(o => (o.First.Name, o.Second.Name) == (first, second) || (o.First.Name, o.Second.Name) == (second, first));

    private static string Text(IEnumerable<AreaCode> codes) => string.Join(' ', codes);

    [Fact]
    public void The_municipality_has_the_intended_size()
    {
        Assert.Equal(1000, City.Tree.Neighbourhoods.Count);
        Assert.Equal(500, City.Populations.Count);
    }

    [Fact]
    public void A_neighbourhood_population_overlaps_its_district_team_in_that_neighbourhood()
    {
        var overlap = Between("Adults WK099901", "Elderly BU09990105");

        Assert.NotNull(overlap);
        Assert.Equal("BU09990105", Text(overlap.Areas));
        Assert.Equal("65+", overlap.Group.Ages.ToString());
        Assert.Equal(new[] { Law.Wmo }, overlap.Group.Laws);
    }

    [Fact]
    public void A_citywide_target_group_overlaps_each_district_team_under_the_shared_law()
    {
        var youth = Between("Psychiatric youth GM0999", "Youth WK099907");
        var adults = Between("Psychiatric youth GM0999", "Adults WK099950");

        Assert.NotNull(youth);
        Assert.NotNull(adults);
        Assert.Equal(("WK099907", "12-17", "EPA"), (Text(youth.Areas), youth.Group.Ages.ToString(), youth.Group.DiagnosisGroup));
        Assert.Equal(("WK099950", "18-23", "EPA"), (Text(adults.Areas), adults.Group.Ages.ToString(), adults.Group.DiagnosisGroup));
        Assert.Equal(new[] { Law.Wmo }, adults.Group.Laws);
    }

    [Fact]
    public void Adult_and_youth_teams_of_one_district_do_not_overlap()
    {
        Assert.Null(Between("Adults WK099901", "Youth WK099901"));
    }

    [Fact]
    public void Every_overlap_matches_a_reference_built_from_sets_of_codes()
    {
        var active = City.Populations.Where(p => p.Status == PopulationStatus.Active).ToList();
        var expected = new List<string>();
        for (var i = 0; i < active.Count; i++)
        {
            for (var j = i + 1; j < active.Count; j++)
            {
                if (ReferenceOverlap(active[i], active[j]) is { } line)
                {
                    expected.Add(line);
                }
            }
        }

        var actual = Overlaps.Select(o => Line(o.First.Id, o.Second.Id, o.Neighbourhoods.Select(n => n.Value), o.Group, o.Period));
        Assert.Equal(expected.Order(StringComparer.Ordinal), actual.Order(StringComparer.Ordinal));
        Assert.InRange(expected.Count, 1000, 100_000);
    }

    [Fact]
    public void A_point_lies_in_a_gap_exactly_when_no_population_covers_it()
    {
        var gaps = CoverageGapAnalysis.Find(City.Tree, City.Populations, Law.Wmo, SyntheticMunicipality.Window)
            .SelectMany(g => g.Neighbourhoods.Select(n => (Neighbourhood: n.Value, Gap: g)))
            .ToLookup(entry => entry.Neighbourhood, entry => entry.Gap);
        var closing = City.Populations
            .Where(p => p.Status == PopulationStatus.Active && p.TargetGroup.Laws.Contains(Law.Wmo) && p.TargetGroup.CoversEveryResident)
            .Select(p => (Population: p, Neighbourhoods: NeighbourhoodsOf(p)))
            .ToList();
        var random = new Random(7);
        var firstDay = SyntheticMunicipality.Window.From.DayNumber;
        var days = SyntheticMunicipality.Window.UpperBound.DayNumber - firstDay + 1;

        for (var sample = 0; sample < 5000; sample++)
        {
            var neighbourhood = City.Tree.Neighbourhoods[random.Next(City.Tree.Neighbourhoods.Count)];
            var age = random.Next(AgeRange.MaximumAge + 1);
            var day = DateOnly.FromDayNumber(firstDay + random.Next(days));
            var covered = closing.Any(c => c.Neighbourhoods.Contains(neighbourhood.Value) && Holds(c.Population.TargetGroup.Ages, age) && c.Population.Validity.Contains(day));
            var inGap = gaps[neighbourhood.Value].Count(g => Holds(g.Ages, age) && g.Period.Contains(day));

            Assert.True(covered ? inGap == 0 : inGap == 1, $"{neighbourhood} age {age} on {day}: covered {covered}, in {inGap} gaps.");
        }
    }

    private static bool Holds(AgeRange ages, int age) => age >= ages.From && age <= ages.UpperBound;

    private static readonly Dictionary<Guid, HashSet<string>> NeighbourhoodsById = City.Populations.ToDictionary(
        p => p.Id, p => p.Areas.SelectMany(City.Tree.NeighbourhoodsIn).Select(n => n.Value).ToHashSet());

    private static HashSet<string> NeighbourhoodsOf(PopulationDefinition population) => [.. NeighbourhoodsById[population.Id]];

    private static string? ReferenceOverlap(PopulationDefinition a, PopulationDefinition b)
    {
        if (!NeighbourhoodsById[a.Id].Overlaps(NeighbourhoodsById[b.Id]))
        {
            return null;
        }

        var neighbourhoods = NeighbourhoodsOf(a);
        neighbourhoods.IntersectWith(NeighbourhoodsById[b.Id]);
        var ages = a.TargetGroup.Ages.Intersect(b.TargetGroup.Ages);
        var laws = a.TargetGroup.Laws.Intersect(b.TargetGroup.Laws).ToHashSet();
        var careForms = a.TargetGroup.CareForms.Count == 0 ? b.TargetGroup.CareForms
            : b.TargetGroup.CareForms.Count == 0 ? a.TargetGroup.CareForms
            : a.TargetGroup.CareForms.Intersect(b.TargetGroup.CareForms).ToHashSet();
        var careFormsMeet = careForms.Count > 0 || (a.TargetGroup.CareForms.Count == 0 && b.TargetGroup.CareForms.Count == 0);
        var diagnosisMeets = a.TargetGroup.DiagnosisGroup is null || b.TargetGroup.DiagnosisGroup is null || a.TargetGroup.DiagnosisGroup == b.TargetGroup.DiagnosisGroup;
        var period = a.Validity.Intersect(b.Validity);
        if (neighbourhoods.Count == 0 || ages is null || laws.Count == 0 || !careFormsMeet || !diagnosisMeets || period is null)
        {
            return null;
        }

        var group = new TargetGroup(ages, laws, careForms, a.TargetGroup.DiagnosisGroup ?? b.TargetGroup.DiagnosisGroup);
        return Line(a.Id, b.Id, neighbourhoods, group, period);
    }

    // Pairs are compared without regard to which side is first.
    private static string Line(Guid a, Guid b, IEnumerable<string> neighbourhoods, TargetGroup group, Period period) =>
        string.Join(" / ",
            string.Join(' ', new[] { a, b }.Order()),
            string.Join(' ', neighbourhoods.Order(StringComparer.Ordinal)),
            group.Ages,
            string.Join(' ', group.Laws.Order()),
            string.Join(' ', group.CareForms.Order(StringComparer.Ordinal)),
            group.DiagnosisGroup,
            period);
}
