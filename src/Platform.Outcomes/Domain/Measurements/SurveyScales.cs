namespace Platform.Outcomes.Domain.Measurements;

/// <summary>
/// The answers a survey indicator takes: a grade from 1 to 10 (its result is the mean grade), or agreement
/// (its result is the share answering <c>agree</c> of those who answered the question).
/// </summary>
internal static class SurveyScales
{
    public const string Agree = "agree";

    public static readonly IReadOnlyList<string> Grades = [.. Enumerable.Range(1, 10).Select(g => g.ToString(System.Globalization.CultureInfo.InvariantCulture))];

    public static readonly IReadOnlyList<string> Agreement = [Agree, "neutral", "disagree"];

    private static readonly Dictionary<string, IReadOnlyList<string>> ByIndicator = new(StringComparer.Ordinal)
    {
        ["client-satisfaction"] = Grades,
        ["stakeholder-satisfaction"] = Grades,
        ["youth-usefulness"] = Agreement,
        ["wmo-client-experience"] = Agreement,
    };

    public static IEnumerable<string> Indicators => ByIndicator.Keys;

    public static IReadOnlyList<string>? For(string indicator) => ByIndicator.GetValueOrDefault(indicator);

    public static bool IsGraded(string indicator) => For(indicator) == Grades;
}
