using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace Platform.Populations.Domain;

/// <summary>The level of a CBS area: municipality ("gemeente") &gt; district ("wijk") &gt; neighbourhood ("buurt").</summary>
public enum AreaLevel
{
    Municipality,
    District,
    Neighbourhood,
}

/// <summary>
/// A CBS area code: <c>GMnnnn</c>, <c>WKnnnnxx</c> or <c>BUnnnnxxyy</c>, where the municipality part is
/// four digits and the district and neighbourhood parts are two digits or, in municipalities with 100 or
/// more districts (or districts with 100 or more neighbourhoods), letters. The code contains its parents.
/// </summary>
public sealed partial record AreaCode
{
    private AreaCode(string value, AreaLevel level)
    {
        Value = value;
        Level = level;
    }

    public string Value { get; }

    public AreaLevel Level { get; }

    /// <summary>The municipality code (<c>GMnnnn</c>) the area lies in; the area itself for a municipality.</summary>
    public string Municipality => string.Concat("GM", Value.AsSpan(2, 4));

    /// <summary>The district (<c>WKnnnnxx</c>) a neighbourhood lies in; the area itself for a district; null for a municipality.</summary>
    public string? District => Level switch
    {
        AreaLevel.Neighbourhood => string.Concat("WK", Value.AsSpan(2, 6)),
        AreaLevel.District => Value,
        _ => null,
    };

    /// <summary>The area one level up, or null for a municipality.</summary>
    public AreaCode? Parent => Level switch
    {
        AreaLevel.Neighbourhood => new AreaCode(District!, AreaLevel.District),
        AreaLevel.District => new AreaCode(Municipality, AreaLevel.Municipality),
        _ => null,
    };

    /// <summary>Whether <paramref name="other"/> is this area or lies inside it.</summary>
    public bool Contains(AreaCode other) =>
        Level switch
        {
            AreaLevel.Municipality => other.Municipality == Value,
            AreaLevel.District => other.Level != AreaLevel.Municipality && other.District == Value,
            _ => other.Value == Value,
        };

    /// <summary>
    /// Parses a code as CBS writes it, tolerating the space padding of CBS files and lower case.
    /// </summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out AreaCode? code, out string? error)
    {
        code = null;
        var value = text?.Trim().ToUpperInvariant() ?? string.Empty;
        if (value.Length == 0)
        {
            error = "An area code is required.";
            return false;
        }

        var level = value[..Math.Min(2, value.Length)] switch
        {
            "GM" => AreaLevel.Municipality,
            "WK" => AreaLevel.District,
            "BU" => AreaLevel.Neighbourhood,
            _ => (AreaLevel?)null,
        };
        if (level is null)
        {
            error = $"'{value}' is not a CBS area code: it must start with GM (municipality), WK (district) or BU (neighbourhood).";
            return false;
        }

        var pattern = level switch
        {
            AreaLevel.Municipality => MunicipalityPattern(),
            AreaLevel.District => DistrictPattern(),
            _ => NeighbourhoodPattern(),
        };
        if (!pattern.IsMatch(value))
        {
            error = level switch
            {
                AreaLevel.Municipality => $"'{value}' is not a municipality code: GM followed by four digits, e.g. GM0484.",
                AreaLevel.District => $"'{value}' is not a district code: WK, the four digits of the municipality and two digits or letters, e.g. WK048401.",
                _ => $"'{value}' is not a neighbourhood code: BU, the four digits of the municipality, two of the district and two of the neighbourhood (digits or letters), e.g. BU04840102.",
            };
            return false;
        }

        code = new AreaCode(value, level.Value);
        error = null;
        return true;
    }

    public static AreaCode Parse(string text) =>
        TryParse(text, out var code, out var error) ? code : throw new FormatException(error);

    public override string ToString() => Value;

    [GeneratedRegex("^GM[0-9]{4}$")]
    private static partial Regex MunicipalityPattern();

    [GeneratedRegex("^WK[0-9]{4}[0-9A-Z]{2}$")]
    private static partial Regex DistrictPattern();

    [GeneratedRegex("^BU[0-9]{4}[0-9A-Z]{2}[0-9A-Z]{2}$")]
    private static partial Regex NeighbourhoodPattern();
}
