namespace Platform.Populations.Domain;

internal static class TimeProviderExtensions
{
    /// <summary>Today's calendar day, the default "as of" date of every read.</summary>
    public static DateOnly Today(this TimeProvider clock) => DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
}
