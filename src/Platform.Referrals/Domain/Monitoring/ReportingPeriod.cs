using System.Globalization;

namespace Platform.Referrals.Domain.Monitoring;

/// <summary>The length of a reporting period ("verslagperiode").</summary>
public enum PeriodKind
{
    Month = 1,

    /// <summary>A calendar quarter ("kwartaal"), the rhythm of the steering talk ("kwartaalgesprek").</summary>
    Quarter = 3,

    Year = 12,
}

/// <summary>A calendar month, quarter or year, from its first day to its last, both inclusive.</summary>
[System.Text.Json.Serialization.JsonConverter(typeof(ReportingPeriodJsonConverter))]
public sealed record ReportingPeriod : IComparable<ReportingPeriod>
{
    private ReportingPeriod(PeriodKind kind, DateOnly start)
    {
        Kind = kind;
        Start = start;
    }

    public PeriodKind Kind { get; }

    public DateOnly Start { get; }

    public DateOnly End => Start.AddMonths((int)Kind).AddDays(-1);

    /// <summary>The month, quarter or year that <paramref name="date"/> lies in.</summary>
    public static ReportingPeriod Of(DateOnly date, PeriodKind kind)
    {
        if (!Enum.IsDefined(kind))
        {
            throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a period kind.");
        }

        var months = (int)kind;
        var firstMonth = ((date.Month - 1) / months * months) + 1;
        return new ReportingPeriod(kind, new DateOnly(date.Year, firstMonth, 1));
    }

    public bool Contains(DateOnly date) => date >= Start && date <= End;

    public ReportingPeriod Previous => new(Kind, Start.AddMonths(-(int)Kind));

    public ReportingPeriod Next => new(Kind, Start.AddMonths((int)Kind));

    /// <summary>The same period a year earlier, the baseline that seasons cannot distort.</summary>
    public ReportingPeriod SameLastYear => new(Kind, Start.AddYears(-1));

    /// <summary>
    /// The four whole quarters before the quarter this period starts in, oldest first: the trailing baseline a
    /// period is compared with. For a quarter, the four quarters before it; for a month or a year, the four
    /// quarters before the quarter of its first day.
    /// </summary>
    public IReadOnlyList<ReportingPeriod> TrailingFourQuarters()
    {
        var quarter = Of(Start, PeriodKind.Quarter);
        return [.. Enumerable.Range(1, 4).Select(i => new ReportingPeriod(PeriodKind.Quarter, quarter.Start.AddMonths(-3 * (5 - i))))];
    }

    private static int Compare(ReportingPeriod? left, ReportingPeriod? right) =>
        left is null ? (right is null ? 0 : -1) : left.CompareTo(right);

    public int CompareTo(ReportingPeriod? other) =>
        other is null ? 1 : Start != other.Start ? Start.CompareTo(other.Start) : Kind.CompareTo(other.Kind);

    public static bool operator <(ReportingPeriod? left, ReportingPeriod? right) => Compare(left, right) < 0;

    public static bool operator <=(ReportingPeriod? left, ReportingPeriod? right) => Compare(left, right) <= 0;

    public static bool operator >(ReportingPeriod? left, ReportingPeriod? right) => Compare(left, right) > 0;

    public static bool operator >=(ReportingPeriod? left, ReportingPeriod? right) => Compare(left, right) >= 0;

    /// <summary><c>2026-03</c>, <c>2026-Q1</c> or <c>2026</c>.</summary>
    public override string ToString() => Kind switch
    {
        PeriodKind.Month => Start.ToString("yyyy-MM", CultureInfo.InvariantCulture),
        PeriodKind.Quarter => string.Create(CultureInfo.InvariantCulture, $"{Start.Year}-Q{((Start.Month - 1) / 3) + 1}"),
        _ => Start.Year.ToString(CultureInfo.InvariantCulture),
    };
}
