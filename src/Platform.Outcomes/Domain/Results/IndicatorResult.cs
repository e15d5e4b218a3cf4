namespace Platform.Outcomes.Domain.Results;

/// <summary>
/// One indicator's result over a period, computed with the named definition version. <see cref="Value"/> is null
/// when too few units counted (<see cref="Status"/> <c>insufficient-data</c>); it is never rounded.
/// </summary>
internal sealed record IndicatorResult(
    string Indicator, int DefinitionVersion, string Statistic, decimal? Value, decimal? Numerator, decimal? Denominator, string Status,
    double? Lower = null, double? Upper = null)
{
    public const string Computed = "computed";
    public const string InsufficientData = "insufficient-data";

    /// <summary>Fewer counted units than this say more about chance (and about individuals) than about the care given.</summary>
    public const int MinimumUnits = 5;

    public bool IsShare => Statistic == "share";
}

/// <summary>The definition version a result is computed with: the newest in force on the period's first day.</summary>
internal sealed record Definition(string Code, string Family, int Version, DateOnly ValidFrom, string Statistic, string? Reading, int MinimumMeasurements)
{
    public static Definition? ValidFor(IEnumerable<Definition> versions, string code, Period period) =>
        versions.Where(d => d.Code == code && d.ValidFrom <= period.Start).MaxBy(d => d.Version);
}
