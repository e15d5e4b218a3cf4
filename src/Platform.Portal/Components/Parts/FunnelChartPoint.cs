namespace Platform.Portal.Components.Parts;

/// <summary>
/// A unit in a funnel plot, in the unit the chart shows (a rate per 1,000, a percentage): its size on the horizontal
/// axis, its value, and the peer value's 95 % and 99.8 % limits at its size.
/// </summary>
public sealed record FunnelChartPoint(
    string Label, double Size, double Value, double Lower95, double Upper95, double Lower998, double Upper998, bool Outside, string PositionText);

/// <summary>The control limits at one size, for drawing the funnel's curves.</summary>
public sealed record FunnelLimits(double Size, double Lower95, double Upper95, double Lower998, double Upper998);
