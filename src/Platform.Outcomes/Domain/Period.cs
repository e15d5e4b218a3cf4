using System.Globalization;

namespace Platform.Outcomes.Domain;

/// <summary>A reporting period of a result: a calendar quarter ("2025-Q1") or a calendar year ("2025"), both days inclusive.</summary>
internal sealed record Period(string Kind, DateOnly Start, DateOnly End)
{
    public const string Quarter = "quarter";
    public const string Year = "year";

    public string Name => Kind == Year ? Start.Year.ToString(CultureInfo.InvariantCulture) : $"{Start.Year}-Q{(Start.Month + 2) / 3}";

    public Period Next => Of(Kind, End.AddDays(1));

    public bool Contains(DateOnly day) => Start <= day && day <= End;

    public static Period Of(string kind, DateOnly day) => kind switch
    {
        Year => new(Year, new DateOnly(day.Year, 1, 1), new DateOnly(day.Year, 12, 31)),
        Quarter => QuarterOf(day),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Either 'quarter' or 'year'."),
    };

    /// <summary>Reads "2025" or "2025-Q1"; null for anything else.</summary>
    public static Period? Parse(string? text)
    {
        if (text is { Length: 4 } && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year >= 2000)
        {
            return Of(Year, new DateOnly(year, 1, 1));
        }

        if (text is { Length: 7 } && text[4..6] == "-Q" && text[6] is >= '1' and <= '4'
            && int.TryParse(text[..4], NumberStyles.None, CultureInfo.InvariantCulture, out var y) && y >= 2000)
        {
            return QuarterOf(new DateOnly(y, (text[6] - '1') * 3 + 1, 1));
        }

        return null;
    }

    /// <summary>The whole periods of <paramref name="kind"/> from the one holding <paramref name="from"/> that ended on or before <paramref name="through"/>.</summary>
    public static IEnumerable<Period> EndedBetween(string kind, DateOnly from, DateOnly through)
    {
        for (var period = Of(kind, from); period.End <= through; period = period.Next)
        {
            yield return period;
        }
    }

    private static Period QuarterOf(DateOnly day)
    {
        var start = new DateOnly(day.Year, (day.Month - 1) / 3 * 3 + 1, 1);
        return new(Quarter, start, start.AddMonths(3).AddDays(-1));
    }
}
