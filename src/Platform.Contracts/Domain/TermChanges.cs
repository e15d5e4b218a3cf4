using System.Text.Json;

namespace Platform.Contracts.Domain;

/// <summary>Which of a contract's terms differ between two versions, by the names the API and events use.</summary>
internal static class TermChanges
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static IReadOnlyList<string> Between(ContractTerms before, ContractTerms after)
    {
        var old = JsonSerializer.SerializeToElement(before, Json);
        var changed = new List<string>();
        foreach (var property in JsonSerializer.SerializeToElement(after, Json).EnumerateObject())
        {
            if (!old.TryGetProperty(property.Name, out var was) || was.GetRawText() != property.Value.GetRawText())
            {
                // The events call the term's last day "endsOn", as the snapshot does.
                changed.Add(property.Name switch { "end" => "endsOn", "start" => "startsOn", _ => property.Name });
            }
        }

        return changed;
    }
}
