using System.Globalization;
using System.Text.Json;
using Platform.Portal.Components.Parts;
using Platform.Portal.Services;

namespace Platform.Portal.Screens.Contracts;

/// <summary>The contracts service's codes as a Dutch reader knows them.</summary>
internal static class ContractLabels
{
    private static readonly Dictionary<string, string> Labels = new()
    {
        ["subsidy"] = "Subsidie",
        ["agreement"] = "Overeenkomst",
        ["partnership"] = "Partnerschap",
        ["municipality-run"] = "Eigen uitvoering gemeente",
        ["framework"] = "Raamovereenkomst",
        ["draft"] = "Concept",
        ["active"] = "Actief",
        ["ended"] = "Beëindigd",
        ["contracting-party"] = "Contractpartij",
        ["main-contractor"] = "Hoofdaannemer",
        ["subcontractor"] = "Onderaannemer",
        ["at-least"] = "≥",
        ["more-than"] = ">",
        ["at-most"] = "≤",
        ["less-than"] = "<",
        ["quarter"] = "Kwartaal",
        ["year"] = "Jaar",
        ["none"] = "Geen",
        ["bonus"] = "Bonus",
        ["malus"] = "Malus",
        ["bonus-malus"] = "Bonus en malus",
        ["monthly"] = "Maandelijks",
        ["quarterly"] = "Per kwartaal",
        ["half-yearly"] = "Per halfjaar",
        ["yearly"] = "Jaarlijks",
        ["each-case"] = "voor elke cliënt",
        ["mean"] = "gemiddeld",
        ["calendar"] = "kalenderdagen",
        ["working"] = "werkdagen",
        ["municipality"] = "Gemeente",
        ["provider"] = "Aanbieder",
        ["joint"] = "Gemeente en aanbieder samen",
        ["planned"] = "Gepland",
        ["held"] = "Gehouden",
        ["by-hand"] = "Ingebracht",
        ["referral-signal"] = "Verwijzingssignaal",
        ["result-not-met"] = "Resultaat niet gehaald",
        ["open"] = "Open",
        ["closed"] = "Gesloten",
        ["term-expired"] = "Looptijd verstreken",
        ["terminated"] = "Tussentijds beëindigd",
    };

    /// <summary>The Dutch label of a code; the code itself when there is none.</summary>
    public static string Of(string? code) => code is null ? "–" : Labels.GetValueOrDefault(code, code);

    /// <summary>A property's code as its Dutch label.</summary>
    public static string Of(JsonElement row, string property) =>
        Column.Read(row, property) is { ValueKind: JsonValueKind.String } value ? Of(value.GetString()) : "–";

    /// <summary>A norm or amount in the indicator's unit, in Dutch notation without trailing zeros (0,6; 7; 1.250).</summary>
    public static string Amount(JsonElement value) =>
        value.ValueKind == JsonValueKind.Number ? value.GetDecimal().ToString("#,##0.####", Dutch.Numbers) : "–";

    public static string Date(JsonElement value) =>
        value.ValueKind == JsonValueKind.String && DateOnly.TryParse(value.GetString(), CultureInfo.InvariantCulture, out var date) ? Dutch.Date(date) : "–";

    /// <summary>Rows shown as given, for a <see cref="DataTable"/> of labels computed here.</summary>
    public static JsonElement Rows<T>(IEnumerable<T> rows) => JsonSerializer.SerializeToElement(rows.ToList(), JsonSerializerOptions.Web);

    public static IEnumerable<JsonElement> Items(JsonElement array, string property) =>
        Column.Read(array, property) is { ValueKind: JsonValueKind.Array } items ? items.EnumerateArray() : [];
}
