using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Platform.Populations.Domain.Analysis;

/// <summary>
/// A stable hash over the content of an analysis result, so the service publishes an event only when the
/// outcome changed. Independent of the order of the items and of the order inside their sets.
/// </summary>
public static class AnalysisFingerprint
{
    public static string Of(IEnumerable<PopulationOverlap> overlaps)
    {
        ArgumentNullException.ThrowIfNull(overlaps);
        return Hash("overlaps/1", overlaps.Select(overlap => Line(
            overlap.First.Id.ToString("N"),
            overlap.First.Name,
            overlap.Second.Id.ToString("N"),
            overlap.Second.Name,
            Codes(overlap.Areas),
            Codes(overlap.Neighbourhoods),
            overlap.Group.Ages.ToString(),
            string.Join(' ', overlap.Group.Laws.Order()),
            string.Join(' ', overlap.Group.CareForms.Order(StringComparer.Ordinal)),
            overlap.Group.DiagnosisGroup ?? string.Empty,
            overlap.Period.ToString())));
    }

    public static string Of(IEnumerable<CoverageGap> gaps)
    {
        ArgumentNullException.ThrowIfNull(gaps);
        return Hash("gaps/1", gaps.Select(gap => Line(
            gap.Law.ToString(),
            Codes(gap.Areas),
            Codes(gap.Neighbourhoods),
            gap.Ages.ToString(),
            gap.Period.ToString())));
    }

    private static string Codes(IEnumerable<AreaCode> codes) => string.Join(' ', codes.Select(code => code.Value).Order(StringComparer.Ordinal));

    // JSON quoting keeps a name containing the separator from colliding with another line.
    private static string Line(params string[] fields) => JsonSerializer.Serialize(fields);

    private static string Hash(string kind, IEnumerable<string> lines)
    {
        var text = string.Join('\n', lines.Order(StringComparer.Ordinal).Prepend(kind));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }
}
