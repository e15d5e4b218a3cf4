using Platform.Populations.Domain.Analysis;

namespace Platform.Populations.Api;

public sealed record PopulationRef(Guid Id, string Name);

/// <summary>Two active populations covering the same residents, and exactly which: areas, ages, laws, period.</summary>
public sealed record OverlapResponse(
    PopulationRef First, PopulationRef Second, IReadOnlyList<string> Areas, int Neighbourhoods, int AgeFrom, int? AgeTo,
    IReadOnlyList<string> Laws, IReadOnlyList<string> CareForms, string? DiagnosisGroup, DateOnly ValidFrom, DateOnly? ValidTo)
{
    public static OverlapResponse From(PopulationOverlap o) => new(
        new(o.First.Id, o.First.Name), new(o.Second.Id, o.Second.Name), [.. o.Areas.Select(a => a.Value)], o.Neighbourhoods.Count,
        o.Group.Ages.From, o.Group.Ages.To, [.. o.Group.Laws.Order().Select(l => l.ToString())], [.. o.Group.CareForms],
        o.Group.DiagnosisGroup, o.Period.From, o.Period.To);

    public string Summary() =>
        $"{First.Name} × {Second.Name}: {string.Join(", ", Areas)}, ages {(AgeTo is { } to ? $"{AgeFrom}-{to}" : $"{AgeFrom}+")}, {ValidFrom:yyyy-MM-dd}..{ValidTo:yyyy-MM-dd}";
}

/// <summary>Residents no active population covers ("in de kou"): where, which ages, when.</summary>
public sealed record GapResponse(string Law, IReadOnlyList<string> Areas, int Neighbourhoods, int AgeFrom, int? AgeTo, DateOnly From, DateOnly? To)
{
    public static GapResponse Of(CoverageGap g) => new(
        g.Law.ToString(), [.. g.Areas.Select(a => a.Value)], g.Neighbourhoods.Count, g.Ages.From, g.Ages.To, g.Period.From, g.Period.To);

    public string Summary() =>
        $"{Law}: {string.Join(", ", Areas)}, ages {(AgeTo is { } to ? $"{AgeFrom}-{to}" : $"{AgeFrom}+")}, {From:yyyy-MM-dd}..{To:yyyy-MM-dd}";
}
