using System.Text.Json;
using Platform.Portal.Components.Parts;

namespace Platform.Portal.Screens.Outcomes;

/// <summary>
/// One indicator of a contract in one period: the figure the outcomes service computed, the evaluation of its result
/// agreement against the norm where there is one, and the provider's own account beside it ("tellen én vertellen").
/// </summary>
public sealed record ResultLine(
    Guid ContractId, string Contract, string Indicator, decimal? Value, string Status, int? DefinitionVersion,
    string? Comparison, decimal? Norm, string? Outcome, IReadOnlyList<string> Narratives)
{
    /// <summary>The contract-level results of the period joined with the stored evaluations of the same period.</summary>
    public static IReadOnlyList<ResultLine> Join(JsonElement results, JsonElement evaluations, DateOnly start, DateOnly end)
    {
        var evaluated = Array(evaluations)
            .Where(e => Date(e, "periodStart") == start && Date(e, "periodEnd") == end)
            .GroupBy(e => (Guid(e, "contractId"), Text(e, "indicator")))
            .ToDictionary(g => g.Key, g => g.OrderByDescending(e => Column.Read(e, "revision").GetInt32()).First());
        var computed = Array(results).Where(r => Column.Read(r, "populationId").ValueKind == JsonValueKind.Null).ToList();
        var names = computed.GroupBy(r => Guid(r, "contractId")).ToDictionary(g => g.Key, g => Text(g.First(), "contractName"));

        var lines = computed.Select(r =>
        {
            var evaluation = evaluated.GetValueOrDefault((Guid(r, "contractId"), Text(r, "indicator")));
            return new ResultLine(
                Guid(r, "contractId"), Text(r, "contractName"), Text(r, "indicator"), Decimal(r, "value"), Text(r, "status"),
                Column.Read(r, "definitionVersion").GetInt32(), Optional(evaluation, "comparison"), Decimal(evaluation, "norm"),
                Optional(evaluation, "outcome"), [.. Column.Read(r, "narratives").EnumerateArray().Select(n => Text(n, "text"))]);
        }).ToList();

        // An evaluation without a figure of the period still shows: its outcome is what the budget settles on.
        lines.AddRange(evaluated.Where(e => !lines.Any(l => l.ContractId == e.Key.Item1 && l.Indicator == e.Key.Item2)).Select(e => new ResultLine(
            e.Key.Item1, names.GetValueOrDefault(e.Key.Item1, e.Key.Item1.ToString()), e.Key.Item2, Decimal(e.Value, "value"), "evaluated",
            Column.Read(e.Value, "definitionVersion").GetInt32(), Optional(e.Value, "comparison"), Decimal(e.Value, "norm"),
            Optional(e.Value, "outcome"), [])));
        return [.. lines.OrderBy(l => l.Contract, StringComparer.Ordinal).ThenBy(l => l.Indicator, StringComparer.Ordinal)];
    }

    private static List<JsonElement> Array(JsonElement body) => body.ValueKind == JsonValueKind.Array ? [.. body.EnumerateArray()] : [];

    private static string Text(JsonElement row, string property) => Column.Read(row, property).GetString() ?? "";

    private static string? Optional(JsonElement row, string property) =>
        row.ValueKind == JsonValueKind.Object ? Column.Read(row, property).GetString() : null;

    private static Guid Guid(JsonElement row, string property) => System.Guid.Parse(Text(row, property));

    private static DateOnly Date(JsonElement row, string property) => DateOnly.Parse(Text(row, property), System.Globalization.CultureInfo.InvariantCulture);

    private static decimal? Decimal(JsonElement row, string property) =>
        row.ValueKind == JsonValueKind.Object && Column.Read(row, property) is { ValueKind: JsonValueKind.Number } value ? value.GetDecimal() : null;
}
