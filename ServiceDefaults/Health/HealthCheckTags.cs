namespace Platform.ServiceDefaults.Health;

/// <summary>Tags that decide which endpoint runs a health check.</summary>
public static class HealthCheckTags
{
    /// <summary>Run by <c>/alive</c>: the process can serve at all. Restarting it would help when this fails.</summary>
    public const string Live = "live";

    /// <summary>
    /// For checks on dependencies (database, migrations, broker). <c>/health</c> runs every check,
    /// so the tag is informative; it keeps such checks off <c>/alive</c>, where a database outage must not restart the service.
    /// </summary>
    public const string Ready = "ready";
}
