using Platform.Populations.Domain;

namespace Platform.Populations.Demo;

/// <summary>A population of the demo region, who answers for it, and whether it is active yet.</summary>
internal sealed record DemoPopulation(string Municipality, PopulationChange Change, bool Active, string? Provider);

/// <summary>
/// The demo region's populations, each in a style of the seed report:
/// Alphen aan den Rijn funds one consortium for its whole municipality (Wmo, 18+);
/// Kaag en Braassem splits every district Utrecht-style into a team for 18+ and a youth team for under 18;
/// Nieuwkoop contracts areas of several districts, as Emmen does; and a target group by diagnosis inside one
/// district, as New York State does. One pilot deliberately overlaps Alphen's contract, and Alphen's youth
/// care is still in draft, so the overlap and gap analysis have something to show.
/// </summary>
internal sealed class DemoPopulations(Dictionary<string, List<(string Code, string Name)>> districts)
{
    private static readonly DateOnly ContractStart = new(2024, 1, 1);
    private static readonly DateOnly ContractEnd = new(2027, 12, 31);

    public IReadOnlyList<DemoPopulation> All { get; } = Build(districts);

    private static List<DemoPopulation> Build(Dictionary<string, List<(string Code, string Name)>> districts)
    {
        var all = new List<DemoPopulation>();
        var alphen = districts["GM0484"];
        all.Add(new("GM0484", Change("Alphen aan den Rijn, Wmo 18+ (Tom in de buurt)", ["GM0484"], 18, null, ["Wmo"]), true, "tom-in-de-buurt"));
        all.Add(new("GM0484", Change($"Pilot 65+ {alphen[0].Name}", [alphen[0].Code], 65, null, ["Wmo"], end: new DateOnly(2025, 12, 31)), true, null));
        all.Add(new("GM0484", Change($"Jeugd met autisme, {alphen[1].Name}", [alphen[1].Code], 0, 17, ["Jeugdwet"], diagnosis: "autismespectrumstoornis"), true, "rijnland-jeugd"));
        all.Add(new("GM0484", Change("Alphen aan den Rijn, jeugd 0-17", ["GM0484"], 0, 17, ["Jeugdwet"]), false, null));

        foreach (var (code, name) in districts["GM1884"])
        {
            all.Add(new("GM1884", Change($"Sociaal team {name} 18+", [code], 18, null, ["Wmo", "Participatiewet"]), true, null));
            all.Add(new("GM1884", Change($"Jeugdteam {name} 0-17", [code], 0, 17, ["Jeugdwet"]), true, "rijnland-jeugd"));
        }

        var nieuwkoop = districts["GM0569"];
        var half = nieuwkoop.Count / 2;
        all.Add(new("GM0569", Change("Gebied Noord", [.. nieuwkoop.Take(half).Select(d => d.Code)], 0, null, ["Wmo", "Jeugdwet"]), true, "nieuwkoop-samen"));
        all.Add(new("GM0569", Change("Gebied Zuid", [.. nieuwkoop.Skip(half).Select(d => d.Code)], 0, null, ["Wmo", "Jeugdwet"]), true, "nieuwkoop-samen"));
        return all;
    }

    private static PopulationChange Change(
        string name, string[] areas, int ageFrom, int? ageTo, string[] laws, DateOnly? end = null, string? diagnosis = null) =>
        new(name, areas, ageFrom, ageTo, laws, [], diagnosis, ContractStart, end ?? ContractEnd);
}
