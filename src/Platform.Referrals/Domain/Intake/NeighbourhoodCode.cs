using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace Platform.Referrals.Domain.Intake;

/// <summary>
/// A CBS neighbourhood code ("buurtcode"): <c>BU</c>, four digits of the municipality, two of the district and two
/// of the neighbourhood, where the last four may be letters in municipalities with 100 or more districts.
/// </summary>
public sealed partial record NeighbourhoodCode
{
    private NeighbourhoodCode(string value) => Value = value;

    public string Value { get; }

    /// <summary>The municipality ("gemeentecode", <c>GMnnnn</c>) the neighbourhood lies in.</summary>
    public string Municipality => string.Concat("GM", Value.AsSpan(2, 4));

    /// <summary>The district ("wijkcode", <c>WKnnnnxx</c>) the neighbourhood lies in.</summary>
    public string District => string.Concat("WK", Value.AsSpan(2, 6));

    /// <summary>Reads a code, tolerating the space padding and lower case of CBS files.</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out NeighbourhoodCode? code)
    {
        var value = text?.Trim().ToUpperInvariant();
        code = value is not null && Pattern().IsMatch(value) ? new NeighbourhoodCode(value) : null;
        return code is not null;
    }

    public static NeighbourhoodCode Parse(string text) =>
        TryParse(text, out var code) ? code : throw new FormatException($"'{text}' is not a neighbourhood code (BUnnnnxxyy).");

    public override string ToString() => Value;

    [GeneratedRegex("^BU[0-9]{4}[0-9A-Z]{4}$")]
    private static partial Regex Pattern();
}
