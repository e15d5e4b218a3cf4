namespace Platform.Populations.Domain;

/// <summary>
/// A validity period in whole days, both ends inclusive (<c>2025-01-01</c> to <c>2025-12-31</c> is the year
/// 2025); an open end runs on until changed. Two periods that touch (one ends on the 31st, the next starts on
/// the 1st) do not overlap.
/// </summary>
public sealed record Period(DateOnly From, DateOnly? To)
{
    public DateOnly UpperBound => To ?? DateOnly.MaxValue;

    public bool IsValid(out string? error)
    {
        error = To is { } to && to < From ? $"The period ends ({to:yyyy-MM-dd}) before it starts ({From:yyyy-MM-dd})." : null;
        return error is null;
    }

    public bool Contains(DateOnly date) => date >= From && date <= UpperBound;

    public Period? Intersect(Period other)
    {
        var from = From > other.From ? From : other.From;
        var to = UpperBound < other.UpperBound ? UpperBound : other.UpperBound;
        return from > to ? null : new Period(from, to == DateOnly.MaxValue ? null : to);
    }

    public override string ToString() => $"{From:yyyy-MM-dd}..{(To is { } to ? to.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : "")}";
}
