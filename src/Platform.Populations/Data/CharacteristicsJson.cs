using System.Globalization;
using System.Text;
using System.Text.Json;
using Platform.Populations.Domain.Characteristics;

namespace Platform.Populations.Data;

/// <summary>
/// Characteristic values as stored in <c>area_characteristics.values</c>: a JSON object keyed by
/// characteristic, with every characteristic of the catalogue present and <c>null</c> for unknown. Keys are
/// written in catalogue order so that equal values give equal text, and an unchanged re-import compares equal.
/// </summary>
internal static class CharacteristicsJson
{
    public static string Write(CharacteristicValues values)
    {
        var json = new StringBuilder(512).Append('{');
        foreach (var characteristic in Characteristic.All)
        {
            if (json.Length > 1)
            {
                json.Append(',');
            }

            json.Append('"').Append(characteristic.Key).Append("\":");
            if (values[characteristic] is { } value)
            {
                json.Append(value.ToString("R", CultureInfo.InvariantCulture));
            }
            else
            {
                json.Append("null");
            }
        }

        return json.Append('}').ToString();
    }

    public static CharacteristicValues Read(string json)
    {
        using var document = JsonDocument.Parse(json);
        var pairs = new List<KeyValuePair<string, double?>>();
        foreach (var property in document.RootElement.EnumerateObject())
        {
            // A characteristic the catalogue no longer has is history, not an error.
            if (Characteristic.TryFind(property.Name, out _))
            {
                pairs.Add(new(property.Name, property.Value.ValueKind == JsonValueKind.Number ? property.Value.GetDouble() : null));
            }
        }

        return CharacteristicValues.FromKeys(pairs);
    }

    public static Dictionary<string, double?> ToDictionary(CharacteristicValues values) =>
        Characteristic.All.ToDictionary(c => c.Key, c => values[c]);
}
