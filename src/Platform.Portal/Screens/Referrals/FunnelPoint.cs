using System.Text.Json;
using Platform.Portal.Components.Parts;

namespace Platform.Portal.Screens.Referrals;

/// <summary>A unit in the funnel plot, as the referrals service computes it (counts and their Poisson limits).</summary>
public sealed record FunnelPoint(
    string UnitKind, string UnitId, string Period, long Observed, long Population, double? Rate, double PeerRate, double Expected,
    double Lower95, double Upper95, double Lower998, double Upper998, string Position)
{
    public static IReadOnlyList<FunnelPoint> Read(JsonElement body) =>
        body.ValueKind == JsonValueKind.Array ? body.Deserialize<List<FunnelPoint>>(JsonSerializerOptions.Web) ?? [] : [];

    /// <summary>A count per 1,000 inhabitants of this unit.</summary>
    public double PerThousand(double count) => Population > 0 ? count * 1000.0 / Population : 0;

    /// <summary>The point as the funnel chart draws it: per 1,000 inhabitants against the number of inhabitants.</summary>
    public FunnelChartPoint ForChart() => new(
        UnitId, Population, PerThousand(Observed), PerThousand(Lower95), PerThousand(Upper95), PerThousand(Lower998), PerThousand(Upper998),
        Position != "Within95", PositionText);

    public string PositionText => Position switch
    {
        "BeyondLower998" => "onder de 99,8 %-grens",
        "BetweenLower95And998" => "onder de 95 %-grens",
        "Within95" => "binnen de 95 %-grenzen",
        "BetweenUpper95And998" => "boven de 95 %-grens",
        "BeyondUpper998" => "boven de 99,8 %-grens",
        _ => Position,
    };
}
