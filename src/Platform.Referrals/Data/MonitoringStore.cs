using Platform.Persistence.Sessions;
using Platform.Referrals.Domain.Monitoring;

namespace Platform.Referrals.Data;

/// <summary>What figures are grouped by. Each maps to one SQL expression over <c>referrals</c>; nothing else reaches the SQL.</summary>
internal enum FigureUnit
{
    Neighbourhood,
    District,
    Municipality,
    Population,
    Provider,
}

/// <summary>Referral counts of one unit in one month, per destination type.</summary>
internal sealed record MonthlyCount(string Unit, DateOnly Month, short DestinationType, long Referrals);

/// <summary>Waiting days of the referrals of one unit referred in one period that have started.</summary>
internal sealed record WaitingDays(string Unit, DateOnly PeriodStart, int[] Days);

/// <summary>The distinct clients of a unit whose help ran on some day of a period.</summary>
internal sealed record ActiveClients(string Unit, DateOnly PeriodStart, long Clients);

/// <summary>The counts a signal watches, per neighbourhood, population, provider and month.</summary>
internal sealed record SignalCounts(
    string Neighbourhood, Guid PopulationId, string ProviderId, DateOnly Month, long CostShifting, long PersonalBudget, long Started, long WaitedLong);

/// <summary>Aggregates over the caller's referrals; row-level security limits them to the caller's municipality.</summary>
internal static class MonitoringStore
{
    public static string UnitExpression(FigureUnit unit) => unit switch
    {
        FigureUnit.Neighbourhood => "neighbourhood",
        FigureUnit.District => "'WK' || substr(neighbourhood, 3, 6)",
        FigureUnit.Municipality => "municipality",
        FigureUnit.Population => "population_id::text",
        FigureUnit.Provider => "provider_id",
        _ => throw new ArgumentOutOfRangeException(nameof(unit), unit, null),
    };

    public static async Task<Denominators> DenominatorsAsync(DbSession session, string municipality, CancellationToken ct)
    {
        var figures = await session.QueryAsync(
            """
            SELECT neighbourhood, reference_date, inhabitants, age_0_14, age_15_24, age_25_44, age_45_64, age_65_plus
            FROM neighbourhood_figures WHERE municipality = $1
            """,
            r => new NeighbourhoodFigures(
                r.GetString(0), r.GetFieldValue<DateOnly>(1), Nullable(r, 2), Nullable(r, 3), Nullable(r, 4), Nullable(r, 5), Nullable(r, 6), Nullable(r, 7)),
            ct, municipality);
        var populations = await session.QueryAsync(
            "SELECT id, name, areas, age_from, age_to FROM populations WHERE municipality = $1",
            r => new PopulationExtent(r.GetGuid(0), r.GetString(1), r.GetFieldValue<string[]>(2), r.GetInt32(3), r.IsDBNull(4) ? null : r.GetInt32(4)),
            ct, municipality);
        var responsibilities = await session.QueryAsync(
            "SELECT provider_id, population_id, valid_from, valid_to FROM responsibilities WHERE municipality = $1",
            r => new ResponsibilityPeriod(r.GetString(0), r.GetGuid(1), r.GetFieldValue<DateOnly>(2), r.IsDBNull(3) ? null : r.GetFieldValue<DateOnly>(3)),
            ct, municipality);
        return new Denominators(figures, populations, responsibilities);
    }

    public static Task<List<MonthlyCount>> MonthlyCountsAsync(
        DbSession session, string municipality, FigureUnit unit, DateOnly from, DateOnly to, CancellationToken ct) =>
        session.QueryAsync(
            $"""
            SELECT {UnitExpression(unit)}, date_trunc('month', referral_date)::date, destination_type, count(*)
            FROM referrals WHERE municipality = $1 AND referral_date BETWEEN $2 AND $3
            GROUP BY 1, 2, 3
            """,
            r => new MonthlyCount(r.GetString(0), r.GetFieldValue<DateOnly>(1), r.GetInt16(2), r.GetInt64(3)),
            ct, municipality, from, to);

    public static Task<List<WaitingDays>> WaitingDaysAsync(
        DbSession session, string municipality, FigureUnit unit, PeriodKind period, DateOnly from, DateOnly to, short? destination, CancellationToken ct) =>
        session.QueryAsync(
            $"""
            SELECT {UnitExpression(unit)}, date_trunc($4, referral_date)::date,
                   array_agg(started_on - referral_date ORDER BY started_on - referral_date)
            FROM referrals
            WHERE municipality = $1 AND referral_date BETWEEN $2 AND $3 AND started_on IS NOT NULL
              AND ($5::smallint IS NULL OR destination_type = $5)
            GROUP BY 1, 2
            """,
            r => new WaitingDays(r.GetString(0), r.GetFieldValue<DateOnly>(1), r.GetFieldValue<int[]>(2)),
            ct, municipality, from, to, SqlPeriod(period), destination);

    /// <summary>Clients whose help started on or before a period's last day and had not ended before its first.</summary>
    public static Task<List<ActiveClients>> ActiveClientsAsync(
        DbSession session, string municipality, FigureUnit unit, PeriodKind period, DateOnly from, DateOnly to, CancellationToken ct) =>
        session.QueryAsync(
            $"""
            WITH periods AS (
                SELECT p::date AS first_day, (p + $5::interval - interval '1 day')::date AS last_day
                FROM generate_series(date_trunc($4, $2::date), $3::date, $5::interval) AS p)
            SELECT {UnitExpression(unit)}, periods.first_day, count(DISTINCT client_reference)
            FROM referrals JOIN periods ON started_on <= periods.last_day AND coalesce(ended_on, 'infinity'::date) >= periods.first_day
            WHERE municipality = $1 AND started_on IS NOT NULL
            GROUP BY 1, 2
            """,
            r => new ActiveClients(r.GetString(0), r.GetFieldValue<DateOnly>(1), r.GetInt64(2)),
            ct, municipality, from, to, SqlPeriod(period), SqlInterval(period));

    /// <summary>The signal counts of a municipality from <paramref name="from"/> on, as the intake keeps them.</summary>
    public static Task<List<SignalCounts>> SignalCountsAsync(DbSession session, string municipality, DateOnly from, CancellationToken ct) =>
        session.QueryAsync(
            """
            SELECT neighbourhood, population_id, provider_id, month, cost_shifting, personal_budget, started, waited_long
            FROM signal_counts WHERE municipality = $1 AND month >= $2
            """,
            r => new SignalCounts(r.GetString(0), r.GetGuid(1), r.GetString(2), r.GetFieldValue<DateOnly>(3),
                r.GetInt64(4), r.GetInt64(5), r.GetInt64(6), r.GetInt64(7)),
            ct, municipality, from);

    /// <summary>
    /// Builds a municipality's signal counts again from its referrals, with <paramref name="waitingNormDays"/> as the
    /// norm: for counts built with another norm, or from before the counts were kept. Three grouped scans: referrals
    /// by referral month, endings with JZ588 code 39 by the month they ended, starts by the month help started.
    /// </summary>
    public static async Task RebuildSignalCountsAsync(DbSession session, string municipality, int waitingNormDays, CancellationToken ct)
    {
        await session.ExecuteAsync("DELETE FROM signal_counts WHERE municipality = $1", ct, municipality);
        await session.ExecuteAsync(
            """
            INSERT INTO signal_counts (municipality, neighbourhood, population_id, provider_id, month, cost_shifting, personal_budget, started, waited_long)
            SELECT $1, neighbourhood, population_id, provider_id, month, sum(cost_shifting), sum(personal_budget), sum(started), sum(waited_long)
            FROM (
                SELECT neighbourhood, population_id, provider_id, date_trunc('month', referral_date::timestamp)::date AS month,
                       count(*) FILTER (WHERE destination_type = ANY($3)) AS cost_shifting,
                       count(*) FILTER (WHERE destination_type = ANY($4)) AS personal_budget, 0 AS started, 0 AS waited_long
                FROM referrals WHERE municipality = $1 GROUP BY 1, 2, 3, 4
                UNION ALL
                SELECT neighbourhood, population_id, provider_id, date_trunc('month', ended_on::timestamp)::date, count(*), 0, 0, 0
                FROM referrals WHERE municipality = $1 AND end_reason = ANY($5) GROUP BY 1, 2, 3, 4
                UNION ALL
                SELECT neighbourhood, population_id, provider_id, date_trunc('month', started_on::timestamp)::date, 0, 0, count(*),
                       count(*) FILTER (WHERE started_on - referral_date > $2)
                FROM referrals WHERE municipality = $1 AND started_on IS NOT NULL GROUP BY 1, 2, 3, 4
            ) AS parts
            GROUP BY neighbourhood, population_id, provider_id, month
            """,
            ct, municipality, waitingNormDays, SignalCodes.CostShiftingDestinations, SignalCodes.PersonalBudgetDestinations,
            SignalCodes.CostShiftingEndings);
    }

    /// <summary>The region's counts per municipality, through the one function a regional coordinator may call.</summary>
    public static Task<List<(string Municipality, DateOnly PeriodStart, short DestinationType, long Referrals)>> RegionCountsAsync(
        DbSession session, PeriodKind period, DateOnly from, DateOnly to, CancellationToken ct) =>
        session.QueryAsync(
            "SELECT municipality, period_start, destination_type, referrals FROM region_referral_counts($1, $2, $3)",
            r => (r.GetString(0), r.GetFieldValue<DateOnly>(1), r.GetInt16(2), r.GetInt64(3)),
            ct, SqlPeriod(period), from, to);

    public static Task<List<string>> RegionMunicipalitiesAsync(DbSession session, string region, CancellationToken ct) =>
        session.QueryAsync("SELECT municipality FROM region_municipalities WHERE region = $1 ORDER BY 1", r => r.GetString(0), ct, region);

    private static string SqlPeriod(PeriodKind period) => period switch
    {
        PeriodKind.Month => "month",
        PeriodKind.Quarter => "quarter",
        _ => "year",
    };

    private static string SqlInterval(PeriodKind period) => $"{(int)period} months";

    private static double? Nullable(Npgsql.NpgsqlDataReader r, int i) => r.IsDBNull(i) ? null : r.GetDouble(i);
}
