using Platform.Persistence.Sessions;

namespace Platform.Referrals.Data;

/// <summary>Which municipalities' signals are due: new referrals or status since the last run, or a new whole period.</summary>
internal static class DetectionStateStore
{
    public static Task<List<string>> DueAsync(DbSession session, DateOnly lastWholePeriod, CancellationToken ct) =>
        session.QueryAsync(
            """
            SELECT municipality FROM detection_state
            WHERE detected_at IS NULL OR requested_at > detected_at OR detected_through IS DISTINCT FROM $1
            ORDER BY requested_at
            """,
            r => r.GetString(0), ct, lastWholePeriod);

    /// <summary>
    /// Serialises runs for one municipality (another replica waits here) and marks it done as of the run's start,
    /// so referrals arriving during the run ask for the next one.
    /// </summary>
    public static async Task BeginRunAsync(DbSession session, string municipality, CancellationToken ct) =>
        await session.ExecuteAsync("SELECT pg_advisory_xact_lock(hashtextextended('referrals:signals:' || $1, 0))", ct, municipality);

    public static Task CompleteRunAsync(DbSession session, string municipality, DateOnly lastWholePeriod, CancellationToken ct) =>
        session.ExecuteAsync(
            """
            INSERT INTO detection_state (municipality, requested_at, detected_at, detected_through) VALUES ($1, now(), now(), $2)
            ON CONFLICT (municipality) DO UPDATE SET detected_at = now(), detected_through = $2
            """,
            ct, municipality, lastWholePeriod);
}
