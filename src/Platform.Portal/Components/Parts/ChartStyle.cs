using System.Globalization;

namespace Platform.Portal.Components.Parts;

/// <summary>What every chart the portal draws shares: SVG coordinates and one series palette.</summary>
internal static class ChartStyle
{
    // Series colours told apart by hue and dark enough to stand out against the white page.
    private static readonly string[] Palette = ["#24578f", "#e17000", "#39870c", "#8e2a8e", "#b00020", "#007bc7", "#673327", "#5b5b5b", "#006b6b"];

    /// <summary>The colour of the series at a zero-based index.</summary>
    public static string Colour(int series) => Palette[series % Palette.Length];

    /// <summary>An SVG coordinate: invariant decimal point, at most two decimals.</summary>
    public static string Coordinate(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
