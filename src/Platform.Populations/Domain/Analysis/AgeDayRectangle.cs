namespace Platform.Populations.Domain.Analysis;

/// <summary>Ages × days, all four bounds inclusive; days as <see cref="DateOnly.DayNumber"/>.</summary>
internal readonly record struct AgeDayRectangle(int AgeFrom, int AgeTo, int DayFrom, int DayTo)
{
    public bool IsEmpty => AgeFrom > AgeTo || DayFrom > DayTo;

    public static AgeDayRectangle Of(AgeRange ages, Period period) =>
        new(ages.From, ages.UpperBound, period.From.DayNumber, period.UpperBound.DayNumber);

    public AgeDayRectangle ClipTo(AgeDayRectangle bounds) =>
        new(Math.Max(AgeFrom, bounds.AgeFrom), Math.Min(AgeTo, bounds.AgeTo), Math.Max(DayFrom, bounds.DayFrom), Math.Min(DayTo, bounds.DayTo));

    public AgeRange Ages => new(AgeFrom, AgeTo >= AgeRange.MaximumAge ? null : AgeTo);

    public Period Period => new(DateOnly.FromDayNumber(DayFrom), DayTo == DateOnly.MaxValue.DayNumber ? null : DateOnly.FromDayNumber(DayTo));
}
