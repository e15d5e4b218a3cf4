using System.Globalization;
using System.Text.Json;
using Platform.Portal.Services;

namespace Platform.Portal.Components.Parts;

/// <summary>How a table cell reads its value and shows it in Dutch.</summary>
public enum CellKind { Text, Number, Fraction, Date, Moment, List, Euro }

/// <summary>A column of a table of service rows: the JSON property, its Dutch header and notation.</summary>
public sealed record Column(string Property, string Header, CellKind Kind = CellKind.Text, int Decimals = 1)
{
    public bool Numeric => Kind is CellKind.Number or CellKind.Fraction or CellKind.Euro;

    public string Render(JsonElement row)
    {
        var value = Read(row, Property);
        return value.ValueKind switch
        {
            JsonValueKind.Undefined or JsonValueKind.Null => "–",
            JsonValueKind.Array => string.Join(", ", value.EnumerateArray().Select(v => v.ValueKind == JsonValueKind.String ? v.GetString() : v.ToString())),
            JsonValueKind.True => "ja",
            JsonValueKind.False => "nee",
            JsonValueKind.Number => Kind switch
            {
                CellKind.Euro => Dutch.Euro(value.GetDecimal()),
                CellKind.Fraction => Dutch.Number(value.GetDouble(), Decimals),
                _ => value.TryGetInt64(out var whole) ? Dutch.Number(whole) : Dutch.Number(value.GetDouble(), Decimals),
            },
            JsonValueKind.String when Kind == CellKind.Date && DateOnly.TryParse(value.GetString(), CultureInfo.InvariantCulture, out var date) => Dutch.Date(date),
            JsonValueKind.String when Kind == CellKind.Moment && DateTimeOffset.TryParse(value.GetString(), CultureInfo.InvariantCulture, out var moment) => Dutch.Date(moment),
            JsonValueKind.String => value.GetString() ?? "–",
            _ => value.ToString(),
        };
    }

    /// <summary>A property by name, or a nested one by dotted path (<c>first.name</c>), case-insensitively.</summary>
    public static JsonElement Read(JsonElement row, string path)
    {
        var current = row;
        foreach (var part in path.Split('.'))
        {
            if (current.ValueKind != JsonValueKind.Object)
            {
                return default;
            }

            var found = current.EnumerateObject().FirstOrDefault(p => string.Equals(p.Name, part, StringComparison.OrdinalIgnoreCase));
            if (found.Value.ValueKind == JsonValueKind.Undefined)
            {
                return default;
            }

            current = found.Value;
        }

        return current;
    }
}
