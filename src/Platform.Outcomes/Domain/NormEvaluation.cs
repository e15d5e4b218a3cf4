namespace Platform.Outcomes.Domain;

/// <summary>How a result agreement holds a result against its norm: on unrounded values, never on a displayed figure.</summary>
internal static class NormEvaluation
{
    public const string Met = "met";
    public const string NotMet = "not-met";
    public const string InsufficientData = "insufficient-data";

    public static readonly IReadOnlyList<string> Comparisons = ["at-least", "more-than", "at-most", "less-than"];

    /// <summary>
    /// <c>at-least</c> is met from the norm upwards (≥), <c>more-than</c> only above it (&gt;), <c>at-most</c> up to and
    /// including the norm (≤), <c>less-than</c> only below it (&lt;): the seeds word norms both ways, so the contract says which.
    /// </summary>
    public static string Evaluate(string comparison, decimal norm, decimal? value) => value switch
    {
        null => InsufficientData,
        { } v => comparison switch
        {
            "at-least" => v >= norm,
            "more-than" => v > norm,
            "at-most" => v <= norm,
            "less-than" => v < norm,
            _ => throw new ArgumentOutOfRangeException(nameof(comparison), comparison, "One of at-least, more-than, at-most, less-than."),
        } ? Met : NotMet,
    };
}
