namespace Platform.Referrals.Domain;

internal static class TimeProviderExtensions
{
    /// <summary>Today's calendar day where the service runs: the latest date a referral or status may carry.</summary>
    public static DateOnly Today(this TimeProvider clock) => DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
}
