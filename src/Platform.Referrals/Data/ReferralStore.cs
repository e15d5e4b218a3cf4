using Npgsql;
using NpgsqlTypes;
using Platform.Persistence.Sessions;
using Platform.Referrals.Domain.Intake;
using Platform.Referrals.Domain.Signals;

namespace Platform.Referrals.Data;

/// <summary>A validated referral with the population it belongs to and its position in the submission.</summary>
internal sealed record ScopedReferral(int Position, Referral Referral, ScopedPopulation Population);

/// <summary>What storing a batch did: how many rows are new, and which positions clash with a stored referral.</summary>
internal sealed record StoredBatch(int Inserted, int Duplicates, IReadOnlyList<int> ConflictingPositions);

/// <summary>A stored referral's current state, for applying a status update.</summary>
internal sealed record StoredReferral(
    string Municipality, string Neighbourhood, Guid PopulationId, DateOnly ReferralDate, IReadOnlyList<StatusUpdate> History);

/// <summary>Referrals in the caller's transaction; row-level security keeps a provider to its own rows.</summary>
internal static class ReferralStore
{
    private const string Columns =
        "provider_id, referral_id, municipality, population_id, client_reference, neighbourhood, age_band, referral_date, " +
        "referring_team, referrer_type, destination_type, life_domain, urgency";

    /// <summary>The neighbourhoods of these municipalities in the imported CBS figures, of any reference date.</summary>
    public static async Task<HashSet<string>> KnownNeighbourhoodsAsync(DbSession session, IEnumerable<string> municipalities, CancellationToken ct) =>
        [.. await session.QueryAsync(
            "SELECT DISTINCT neighbourhood FROM neighbourhood_figures WHERE municipality = ANY($1)",
            r => r.GetString(0), ct, (object)municipalities.Distinct().ToArray())];

    /// <summary>The populations the calling provider answers for, with each responsibility period.</summary>
    public static async Task<ProviderScope> ScopeAsync(DbSession session, CancellationToken ct) =>
        new(await session.QueryAsync(
            """
            SELECT p.id, p.municipality, p.name, p.status, p.areas, p.age_from, p.age_to, p.valid_from, p.valid_to, r.valid_from, r.valid_to
            FROM responsibilities r JOIN populations p ON p.id = r.population_id
            WHERE r.provider_id = platform.current_provider()
            ORDER BY p.id, r.valid_from
            """,
            r => new ScopedPopulation(
                r.GetGuid(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetFieldValue<string[]>(4), r.GetInt32(5),
                r.IsDBNull(6) ? null : r.GetInt32(6), r.GetFieldValue<DateOnly>(7), r.IsDBNull(8) ? null : r.GetFieldValue<DateOnly>(8),
                r.GetFieldValue<DateOnly>(9), r.IsDBNull(10) ? null : r.GetFieldValue<DateOnly>(10)),
            ct));

    /// <summary>
    /// Stores the referrals that are new. They go by binary COPY into a temporary table and from there in one
    /// statement into <c>referrals</c>, skipping ids the provider sent before; those are then compared, so an
    /// identical resubmission counts as a duplicate and a different one as a conflict.
    /// </summary>
    public static async Task<StoredBatch> InsertAsync(DbSession session, string providerId, IReadOnlyList<ScopedReferral> referrals, CancellationToken ct)
    {
        if (referrals.Count == 0)
        {
            return new StoredBatch(0, 0, []);
        }

        await session.ExecuteAsync(
            $"CREATE TEMP TABLE incoming_referrals ON COMMIT DROP AS SELECT 0 AS position, {Columns} FROM referrals WITH NO DATA", ct);
        await CopyAsync(session, providerId, referrals, ct);

        // The new rows also go into the monthly signal counts, in the same statement: a duplicate adds nothing.
        var inserted = await session.ScalarAsync<long>(
            $"""
            WITH inserted AS (
                INSERT INTO referrals ({Columns}) SELECT {Columns} FROM incoming_referrals
                ON CONFLICT (provider_id, referral_id) DO NOTHING
                RETURNING municipality, neighbourhood, population_id, provider_id, referral_date, destination_type),
            counted AS (
                INSERT INTO signal_counts (municipality, neighbourhood, population_id, provider_id, month, cost_shifting, personal_budget)
                SELECT municipality, neighbourhood, population_id, provider_id, date_trunc('month', referral_date::timestamp)::date,
                       count(*) FILTER (WHERE destination_type = ANY($1)), count(*) FILTER (WHERE destination_type = ANY($2))
                FROM inserted GROUP BY 1, 2, 3, 4, 5
                -- In key order, so concurrent batches lock the same count rows in the same order and cannot deadlock.
                ORDER BY municipality, 5, neighbourhood, population_id, provider_id
                ON CONFLICT (municipality, month, neighbourhood, population_id, provider_id) DO UPDATE SET
                    cost_shifting = signal_counts.cost_shifting + excluded.cost_shifting,
                    personal_budget = signal_counts.personal_budget + excluded.personal_budget)
            SELECT count(*) FROM inserted
            """,
            ct, SignalCodes.CostShiftingDestinations, SignalCodes.PersonalBudgetDestinations);
        if (inserted == referrals.Count)
        {
            return new StoredBatch(referrals.Count, 0, []);
        }

        var conflicts = await session.QueryAsync(
            """
            SELECT i.position FROM incoming_referrals i
            JOIN referrals r ON r.provider_id = i.provider_id AND r.referral_id = i.referral_id
            WHERE (r.client_reference, r.neighbourhood, r.age_band, r.referral_date, r.referring_team, r.referrer_type,
                   r.destination_type, r.life_domain, r.urgency)
               IS DISTINCT FROM (i.client_reference, i.neighbourhood, i.age_band, i.referral_date, i.referring_team, i.referrer_type,
                   i.destination_type, i.life_domain, i.urgency)
            ORDER BY i.position
            """,
            r => r.GetInt32(0),
            ct);
        return new StoredBatch((int)inserted, referrals.Count - (int)inserted - conflicts.Count, conflicts);
    }

    private static async Task CopyAsync(DbSession session, string providerId, IReadOnlyList<ScopedReferral> referrals, CancellationToken ct)
    {
        await using var writer = await session.Connection.BeginBinaryImportAsync(
            $"COPY incoming_referrals (position, {Columns}) FROM STDIN (FORMAT BINARY)", ct);
        foreach (var (position, r, population) in referrals)
        {
            await writer.StartRowAsync(ct);
            await writer.WriteAsync(position, NpgsqlDbType.Integer, ct);
            await writer.WriteAsync(providerId, NpgsqlDbType.Text, ct);
            await writer.WriteAsync(r.ReferralId, NpgsqlDbType.Text, ct);
            await writer.WriteAsync(population.Municipality, NpgsqlDbType.Text, ct);
            await writer.WriteAsync(population.PopulationId, NpgsqlDbType.Uuid, ct);
            await writer.WriteAsync(r.ClientReference, NpgsqlDbType.Text, ct);
            await writer.WriteAsync(r.Neighbourhood.Value, NpgsqlDbType.Text, ct);
            await writer.WriteAsync((short)r.AgeBand, NpgsqlDbType.Smallint, ct);
            await writer.WriteAsync(r.ReferralDate, NpgsqlDbType.Date, ct);
            await writer.WriteAsync(r.ReferringTeam, NpgsqlDbType.Text, ct);
            await writer.WriteAsync((short)r.ReferrerType, NpgsqlDbType.Smallint, ct);
            await writer.WriteAsync((short)r.DestinationType, NpgsqlDbType.Smallint, ct);
            await writer.WriteAsync((short)r.LifeDomain, NpgsqlDbType.Smallint, ct);
            await writer.WriteAsync((short)r.Urgency, NpgsqlDbType.Smallint, ct);
        }

        await writer.CompleteAsync(ct);
    }

    /// <summary>The referral with its status history, locked for the update; null when the provider never sent it.</summary>
    public static async Task<StoredReferral?> ForUpdateAsync(DbSession session, string referralId, CancellationToken ct)
    {
        var rows = await session.QueryAsync(
            """
            SELECT municipality, neighbourhood, population_id, referral_date FROM referrals
            WHERE provider_id = platform.current_provider() AND referral_id = $1 FOR UPDATE
            """,
            r => (Municipality: r.GetString(0), Neighbourhood: r.GetString(1), PopulationId: r.GetGuid(2), ReferralDate: r.GetFieldValue<DateOnly>(3)),
            ct, referralId);
        if (rows.Count == 0)
        {
            return null;
        }

        var history = await session.QueryAsync(
            "SELECT status, status_date, end_reason FROM status_updates WHERE provider_id = platform.current_provider() AND referral_id = $1 ORDER BY id",
            r => new StatusUpdate(referralId, (ReferralStatus)r.GetInt16(0), r.GetFieldValue<DateOnly>(1), r.IsDBNull(2) ? null : (EndReason)r.GetInt16(2)),
            ct, referralId);
        var row = rows[0];
        return new StoredReferral(row.Municipality, row.Neighbourhood, row.PopulationId, row.ReferralDate, history);
    }

    /// <summary>Records the update in the history and keeps the referral's current status, start and end on its row.</summary>
    public static async Task AddStatusAsync(DbSession session, StoredReferral referral, StatusUpdate update, int waitingNormDays, CancellationToken ct)
    {
        var municipality = referral.Municipality;
        await session.ExecuteAsync(
            """
            INSERT INTO status_updates (provider_id, referral_id, municipality, status, status_date, end_reason)
            VALUES (platform.current_provider(), $1, $2, $3, $4, $5)
            """,
            ct, update.ReferralId, municipality, (short)update.Status, update.Date, update.Reason is { } reason ? (short)reason : null);
        await session.ExecuteAsync(
            """
            UPDATE referrals SET status = $2,
                started_on = CASE WHEN $2 = $5 THEN $3 ELSE started_on END,
                ended_on = CASE WHEN $2 = $6 THEN $3 ELSE ended_on END,
                end_reason = CASE WHEN $2 = $6 THEN $4 ELSE end_reason END
            WHERE provider_id = platform.current_provider() AND referral_id = $1
            """,
            ct, update.ReferralId, (short)update.Status, update.Date, update.Reason is { } r ? (short)r : null,
            SignalCodes.Code(ReferralStatus.Started), SignalCodes.Code(ReferralStatus.Ended));

        // A referral starts once and ends once (the lifecycle sees to it), so each adds to the counts once.
        var started = update.Status == ReferralStatus.Started;
        var shifted = update.Status == ReferralStatus.Ended && update.Reason is { } ending && SignalKinds.ForEnding(ending) == SignalKind.CostShifting;
        if (started || shifted)
        {
            await session.ExecuteAsync(
                """
                INSERT INTO signal_counts (municipality, neighbourhood, population_id, provider_id, month, cost_shifting, started, waited_long)
                VALUES ($1, $2, $3, platform.current_provider(), date_trunc('month', $4::timestamp)::date, $5, $6, $7)
                ON CONFLICT (municipality, month, neighbourhood, population_id, provider_id) DO UPDATE SET
                    cost_shifting = signal_counts.cost_shifting + excluded.cost_shifting,
                    started = signal_counts.started + excluded.started,
                    waited_long = signal_counts.waited_long + excluded.waited_long
                """,
                ct, municipality, referral.Neighbourhood, referral.PopulationId, update.Date, shifted ? 1L : 0L, started ? 1L : 0L,
                started && update.Date.DayNumber - referral.ReferralDate.DayNumber > waitingNormDays ? 1L : 0L);
        }
    }

    /// <summary>Asks the signal detector to look at these municipalities again.</summary>
    public static Task RequestDetectionAsync(DbSession session, IEnumerable<string> municipalities, CancellationToken ct) =>
        session.ExecuteAsync(
            """
            INSERT INTO detection_state (municipality) SELECT unnest($1::text[])
            ON CONFLICT (municipality) DO UPDATE SET requested_at = now()
            """,
            ct, (object)municipalities.Distinct().ToArray());
}
