using System.Text.Json;
using Platform.Portal.Components.Parts;

namespace Platform.Portal.Screens.Outcomes;

/// <summary>
/// A population's share of an indicator placed against the pooled share of the populations the user sees, as the
/// outcomes service places it: limits p ± z·√(p(1−p)/n) at 95 % and 99.8 %, drawn here as percentages.
/// </summary>
internal static class PeerFunnel
{
    private const double Z95 = 1.959963984540054, Z998 = 3.090232306167813;

    /// <summary>The population rows of one indicator with a computed share.</summary>
    public static IReadOnlyList<JsonElement> Populations(JsonElement results) =>
        results.ValueKind != JsonValueKind.Array ? [] : [.. results.EnumerateArray().Where(r =>
            Column.Read(r, "populationId").ValueKind == JsonValueKind.String
            && Column.Read(r, "value").ValueKind == JsonValueKind.Number
            && Column.Read(r, "denominator").ValueKind == JsonValueKind.Number)];

    public static double? PeerShare(IReadOnlyList<JsonElement> rows) =>
        rows.Select(r => Column.Read(r, "peerShare")).FirstOrDefault(p => p.ValueKind == JsonValueKind.Number) is { ValueKind: JsonValueKind.Number } peer
            ? peer.GetDouble()
            : null;

    public static IReadOnlyList<FunnelChartPoint> Points(IReadOnlyList<JsonElement> rows, double peer, Func<JsonElement, string> label) =>
        [.. rows.Where(r => Column.Read(r, "peerPosition").ValueKind == JsonValueKind.String).Select(r =>
        {
            var n = Column.Read(r, "denominator").GetDouble();
            var limits = At(peer, n);
            var position = Column.Read(r, "peerPosition").GetString();
            return new FunnelChartPoint(label(r), n, Column.Read(r, "value").GetDouble() * 100, limits.Lower95, limits.Upper95, limits.Lower998,
                limits.Upper998, position != "within-chance", OutcomesTerms.Position(position));
        })];

    /// <summary>The funnel's curves from one client up to a little past the largest population.</summary>
    public static IReadOnlyList<FunnelLimits> Curve(double peer, double largest) =>
        [.. Enumerable.Range(0, 60).Select(i => At(peer, Math.Max(1, largest * 1.05 * Math.Pow(i / 59.0, 2))))];

    private static FunnelLimits At(double peer, double n)
    {
        double Bound(double z, int sign) => Math.Clamp(peer + sign * z * Math.Sqrt(peer * (1 - peer) / n), 0, 1) * 100;
        return new FunnelLimits(n, Bound(Z95, -1), Bound(Z95, 1), Bound(Z998, -1), Bound(Z998, 1));
    }
}
