using System.Text.Json;
using Platform.Portal.Components.Parts;

namespace Platform.Portal.Screens.Region;

/// <summary>One municipality's referrals in one period, as the referrals service's region endpoint counts them.</summary>
public sealed record RegionFigure(string Municipality, string Period, long Referrals, long? Inhabitants, double? RatePerThousand, long PersonalBudget)
{
    public static IReadOnlyList<RegionFigure> Read(JsonElement rows) => rows.ValueKind != JsonValueKind.Array ? [] :
    [
        .. rows.EnumerateArray().Select(r => new RegionFigure(
            Column.Read(r, "municipality").GetString() ?? "",
            Column.Read(r, "period").GetString() ?? "",
            Column.Read(r, "referrals").GetInt64(),
            Column.Read(r, "inhabitants") is { ValueKind: JsonValueKind.Number } n ? n.GetInt64() : null,
            Column.Read(r, "ratePerThousand") is { ValueKind: JsonValueKind.Number } rate ? rate.GetDouble() : null,
            Column.Read(r, "personalBudget").GetInt64())),
    ];
}
