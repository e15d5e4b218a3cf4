using Platform.Persistence.Sessions;

namespace Platform.Referrals.Data;

/// <summary>Which municipalities' signals are due: new referrals or status since the last run, a new whole period, or another waiting norm.</summary>
internal static class DetectionStateStore
{
    public static Task<List<string>> DueAsync(DbSession session, DateOnly lastWholePeriod, int waitingNormDays, CancellationToken ct) =>
        session.QueryAsync(
            """
            SELECT municipality FROM detection_state
            WHERE detected_at IS NULL OR requested_at > detected_at OR detected_through IS DISTINCT FROM $1
               OR waiting_norm_days IS DISTINCT FROM $2
            ORDER BY requested_at
            """,
            r => r.GetString(0), ct, lastWholePeriod, waitingNormDays);

    /// <summary>
    /// Serialises runs for one municipality (another replica waits here) and marks it done as of the run's start,
    /// so referrals arriving during the run ask for the next one.
    /// </summary>
    public static async Task BeginRunAsync(DbSession session, string municipality, CancellationToken ct) =>
        await session.ExecuteAsync("SELECT pg_advisory_xact_lock(hashtextextended('referrals:signals:' || $1, 0))", ct, municipality);

    /// <summary>The waiting norm the municipality's signal counts were built with; null when never.</summary>
    public static Task<int?> WaitingNormAsync(DbSession session, string municipality, CancellationToken ct) =>
        session.ScalarAsync<int?>("SELECT waiting_norm_days FROM detection_state WHERE municipality = $1", ct, municipality);

    public static Task CompleteRunAsync(DbSession session, string municipality, DateOnly lastWholePeriod, int waitingNormDays, CancellationToken ct) =>
        session.ExecuteAsync(
            """
            INSERT INTO detection_state (municipality, requested_at, detected_at, detected_through, waiting_norm_days) VALUES ($1, now(), now(), $2, $3)
            ON CONFLICT (municipality) DO UPDATE SET detected_at = now(), detected_through = $2, waiting_norm_days = $3
            """,
            ct, municipality, lastWholePeriod, waitingNormDays);
}
