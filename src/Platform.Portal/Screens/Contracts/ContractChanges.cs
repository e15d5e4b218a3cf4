using System.Text.Json;

namespace Platform.Portal.Screens.Contracts;

/// <summary>What a version of a contract changed: the stored row before and after, compared field by field.</summary>
internal static class ContractChanges
{
    // Bookkeeping columns every write changes; a reader wants the terms and the status.
    private static readonly HashSet<string> Ignored = ["version", "updated_at", "created_at", "municipality", "id", "provider_ids"];

    private static readonly Dictionary<string, string> Names = new()
    {
        ["status"] = "status", ["name"] = "naam", ["end_date"] = "einde", ["start_date"] = "ingang", ["notice_months"] = "opzegtermijn (maanden)",
        ["extension_options"] = "verlengingsopties", ["extension_months"] = "maanden per verlenging", ["extensions_used"] = "verlengingen gebruikt",
        ["populations"] = "populaties", ["laws"] = "wetten", ["parties"] = "partijen", ["evaluation_dates"] = "evaluatiedata",
        ["result_agreements"] = "resultaatafspraken", ["obligations"] = "verplichtingen", ["notes"] = "toelichting", ["has_malus"] = "malus",
        ["ended_on"] = "beëindigd op", ["end_reason"] = "reden van beëindiging", ["care_forms"] = "zorgvormen", ["access"] = "toegang",
        ["legal_form"] = "rechtsvorm", ["activated_at"] = "in werking sinds",
    };

    /// <summary>One line per changed field, "einde: 2027-12-31 → 2027-06-30"; "aangemaakt" for the first version.</summary>
    public static IReadOnlyList<string> Between(JsonElement before, JsonElement after)
    {
        if (before.ValueKind != JsonValueKind.Object)
        {
            return ["aangemaakt"];
        }

        var lines = new List<string>();
        foreach (var field in after.EnumerateObject().Where(f => !Ignored.Contains(f.Name)))
        {
            var old = before.TryGetProperty(field.Name, out var o) ? o : default;
            if (field.Name == "terms" && old.ValueKind == JsonValueKind.Object && field.Value.ValueKind == JsonValueKind.Object)
            {
                lines.AddRange(Between(old, field.Value).Where(l => l != "aangemaakt"));
            }
            else if (!JsonElement.DeepEquals(old, field.Value))
            {
                lines.Add($"{Names.GetValueOrDefault(field.Name, field.Name)}: {Text(old)} → {Text(field.Value)}");
            }
        }

        return lines;
    }

    private static string Text(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Undefined or JsonValueKind.Null => "–",
        JsonValueKind.String => ContractLabels.Of(value.GetString()),
        JsonValueKind.Array or JsonValueKind.Object => value.GetRawText().Length <= 60 ? value.GetRawText() : "gewijzigd",
        _ => value.GetRawText(),
    };
}
