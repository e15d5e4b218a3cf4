namespace Platform.Contracts.Domain;

/// <summary>The closed lists the contract's fields take their values from.</summary>
internal static class Vocabulary
{
    public static readonly IReadOnlyList<string> Comparisons = ["at-least", "more-than", "at-most", "less-than"];
    public static readonly IReadOnlyList<string> Periods = ["quarter", "year"];
    public static readonly IReadOnlyList<string> Incentives = ["none", "bonus", "malus", "bonus-malus"];
    public static readonly IReadOnlyList<string> WaitingStatistics = ["each-case", "mean"];
    public static readonly IReadOnlyList<string> DayTypes = ["calendar", "working"];
    public static readonly IReadOnlyList<string> Rhythms = ["monthly", "quarterly", "half-yearly", "yearly"];
    public static readonly IReadOnlyList<string> AccessOrganisers = ["municipality", "provider", "joint"];
    public static readonly IReadOnlyList<string> EndReasons = ["term-expired", "terminated"];

    /// <summary>Months in one period of a reporting rhythm.</summary>
    public static int MonthsOf(string rhythm) => rhythm switch
    {
        "monthly" => 1,
        "quarterly" => 3,
        "half-yearly" => 6,
        "yearly" => 12,
        _ => throw new ArgumentOutOfRangeException(nameof(rhythm), rhythm, "Not a reporting rhythm."),
    };

    /// <summary>Whether an incentive takes money back for a missed result.</summary>
    public static bool IsMalus(string incentive) => incentive is "malus" or "bonus-malus";

    public static string OneOf(IReadOnlyList<string> values) => $"One of {string.Join(", ", values)}.";
}
