using System.Globalization;
using Platform.Portal.Services;

namespace Platform.Portal.Screens.Outcomes;

/// <summary>The outcomes service's codes as the screens name them in Dutch, and its periods.</summary>
internal static class OutcomesTerms
{
    private static readonly Dictionary<string, string> Indicators = new(StringComparer.Ordinal)
    {
        ["zrm-improved-or-stable"] = "Zelfredzaamheid (ZRM) verbeterd of stabiel",
        ["zrm-no-domain-declines"] = "Zelfredzaamheid (ZRM) op geen domein achteruit",
        ["ladder-more-active-or-stable"] = "Participatieladder: actiever of stabiel",
        ["reopened-dossiers"] = "Heropende dossiers",
        ["client-satisfaction"] = "Cliënttevredenheid (rapportcijfer)",
        ["stakeholder-satisfaction"] = "Tevredenheid ketenpartners (rapportcijfer)",
        ["youth-usefulness"] = "Jeugd: hulp was nuttig",
        ["wmo-client-experience"] = "Cliëntervaring Wmo",
        ["waiting-time-days"] = "Wachttijd in dagen",
        ["inflow"] = "Instroom",
        ["outflow"] = "Uitstroom",
    };

    public static string Indicator(string? code) => code is not null && Indicators.TryGetValue(code, out var name) ? name : code ?? "–";

    /// <summary>Indicators whose value is a share (0 to 1): shown as a percentage and placed in a funnel.</summary>
    public static bool IsShare(string? code) => code is "zrm-improved-or-stable" or "zrm-no-domain-declines" or "ladder-more-active-or-stable"
        or "reopened-dossiers" or "youth-usefulness" or "wmo-client-experience";

    public static string Value(string? indicator, decimal? value) => value is not { } v ? "–"
        : IsShare(indicator) ? Dutch.Percent((double)v)
        : indicator is "inflow" or "outflow" or "waiting-time-days" ? Dutch.Number((double)v, 0)
        : Dutch.Number((double)v, 2);

    public static string Comparison(string? comparison) => comparison switch
    {
        "at-least" => "ten minste",
        "more-than" => "meer dan",
        "at-most" => "ten hoogste",
        "less-than" => "minder dan",
        _ => comparison ?? "–",
    };

    public static string Outcome(string? outcome) => outcome switch
    {
        "met" => "gehaald",
        "not-met" => "niet gehaald",
        "insufficient-data" => "te weinig metingen",
        _ => outcome ?? "–",
    };

    public static string Position(string? position) => position switch
    {
        "within-chance" => "binnen de 95 %-grenzen",
        "above-95" => "boven de 95 %-grens",
        "above-99.8" => "boven de 99,8 %-grens",
        "below-95" => "onder de 95 %-grens",
        "below-99.8" => "onder de 99,8 %-grens",
        _ => "geen vergelijking",
    };

    /// <summary>The periods to choose from: the last three years and their quarters, newest first.</summary>
    public static IReadOnlyList<(string Value, string Label)> Periods(int currentYear) =>
        [.. Enumerable.Range(0, 3).Select(i => currentYear - i).SelectMany(year =>
            new[] { (year.ToString(CultureInfo.InvariantCulture), $"{year} (heel jaar)") }
                .Concat(Enumerable.Range(1, 4).Select(q => ($"{year}-Q{q}", $"{year}, kwartaal {q}"))))];

    /// <summary>The first and last day of a period named as the service names it (2025 or 2025-Q1).</summary>
    public static (DateOnly Start, DateOnly End)? Bounds(string period)
    {
        var parts = period.Split("-Q");
        if (!int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var year) || year is < 2000 or > 2100)
        {
            return null;
        }

        if (parts.Length == 1)
        {
            return (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
        }

        if (parts.Length != 2 || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var quarter) || quarter is < 1 or > 4)
        {
            return null;
        }

        var start = new DateOnly(year, (quarter - 1) * 3 + 1, 1);
        return (start, start.AddMonths(3).AddDays(-1));
    }
}
