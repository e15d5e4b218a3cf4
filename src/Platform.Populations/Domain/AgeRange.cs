namespace Platform.Populations.Domain;

/// <summary>
/// Ages in whole years, both ends inclusive: <c>[0, 17]</c> is "under 18", <c>[18, null]</c> is "18 and older".
/// </summary>
public sealed record AgeRange(int From, int? To)
{
    /// <summary>The highest age the platform reasons about; an open range ends here.</summary>
    public const int MaximumAge = 120;

    public static AgeRange Everyone { get; } = new(0, null);

    public int UpperBound => To ?? MaximumAge;

    public bool IsValid(out string? error)
    {
        error = From < 0 || From > MaximumAge
            ? $"The lowest age must be between 0 and {MaximumAge}."
            : To is { } to && (to < From || to > MaximumAge)
                ? $"The highest age must be between the lowest age ({From}) and {MaximumAge}."
                : null;
        return error is null;
    }

    public AgeRange? Intersect(AgeRange other)
    {
        var from = Math.Max(From, other.From);
        var to = Math.Min(UpperBound, other.UpperBound);
        return from > to ? null : new AgeRange(from, To is null && other.To is null ? null : to);
    }

    public override string ToString() => To is { } to ? $"{From}-{to}" : $"{From}+";
}
