using System.Globalization;
using NpgsqlTypes;
using Platform.Referrals.Domain.Intake;

namespace Platform.Referrals.Benchmarks;

/// <summary>
/// A region-year for the signal computation, stored as the owner: one municipality of 500 neighbourhoods
/// (20 districts) with CBS figures on two reference dates, four populations (youth by half of the districts,
/// adults, the elderly) answered for by three providers, and a year of referrals in the twelve whole months
/// before this one. Seven in ten started (after 0 to about 90 days), of those some ended, some of them with
/// JZ588 code 39 (outflow to another domain); every destination type occurs, so every signal kind has counts.
/// </summary>
internal static class SignalRegion
{
    public const string Municipality = SyntheticReferrals.Municipality;
    public const int Neighbourhoods = 500;

    private static readonly (Guid Id, string Name, string[] Areas, int AgeFrom, int? AgeTo, string Provider)[] Populations =
    [
        (Guid.Parse("0193a000-0000-7000-8000-000000000001"), "Jeugd Noord", Districts(1, 10), 0, 17, "rijnland-jeugd"),
        (Guid.Parse("0193a000-0000-7000-8000-000000000002"), "Jeugd Zuid", Districts(11, 20), 0, 17, "tom-in-de-buurt"),
        (Guid.Parse("0193a000-0000-7000-8000-000000000003"), "Volwassenen", [Municipality], 18, 64, "tom-in-de-buurt"),
        (Guid.Parse("0193a000-0000-7000-8000-000000000004"), "Ouderen", [Municipality], 65, null, "nieuwkoop-samen"),
    ];

    public static async Task StoreAsync(BenchDatabase database, int referrals, DateOnly today)
    {
        foreach (var p in Populations)
        {
            await ReadModel.AddPopulationAsync(database, p.Id, Municipality, p.Name, p.Areas, p.AgeFrom, p.AgeTo);
            await ReadModel.AddResponsibilityAsync(database, p.Id, Municipality, p.Provider);
        }

        await StoreFiguresAsync(database);
        await StoreReferralsAsync(database, referrals, today);

        // What autovacuum does after a bulk load anyway, done now so it does not run during the measurement.
        await database.OwnerExecuteAsync("VACUUM ANALYZE");
    }

    private static async Task StoreFiguresAsync(BenchDatabase database)
    {
        var random = new Random(1);
        await using var connection = await database.OpenOwnerAsync();
        await using var writer = await connection.BeginBinaryImportAsync(
            "COPY neighbourhood_figures (neighbourhood, reference_date, municipality, inhabitants, age_0_14, age_15_24, age_25_44, age_45_64, age_65_plus) " +
            "FROM STDIN (FORMAT BINARY)");
        for (var n = 0; n < Neighbourhoods; n++)
        {
            double inhabitants = random.Next(1_500, 6_000);
            foreach (var (date, growth) in new[] { (new DateOnly(2024, 1, 1), 1.0), (new DateOnly(2025, 1, 1), 1.01) })
            {
                var total = Math.Round(inhabitants * growth);
                await writer.StartRowAsync();
                await writer.WriteAsync(SyntheticReferrals.Neighbourhood(n), NpgsqlDbType.Text);
                await writer.WriteAsync(date, NpgsqlDbType.Date);
                await writer.WriteAsync(Municipality, NpgsqlDbType.Text);
                await writer.WriteAsync(total, NpgsqlDbType.Double);
                foreach (var share in (double[])[0.16, 0.12, 0.25, 0.27, 0.20])
                {
                    await writer.WriteAsync(Math.Round(total * share), NpgsqlDbType.Double);
                }
            }
        }

        await writer.CompleteAsync();
    }

    private static async Task StoreReferralsAsync(BenchDatabase database, int count, DateOnly today)
    {
        var random = new Random(2);
        var firstDay = new DateOnly(today.Year, today.Month, 1).AddMonths(-12);
        var days = new DateOnly(today.Year, today.Month, 1).DayNumber - firstDay.DayNumber;
        await using var connection = await database.OpenOwnerAsync();
        await using var writer = await connection.BeginBinaryImportAsync(
            "COPY referrals (provider_id, referral_id, municipality, population_id, client_reference, neighbourhood, age_band, referral_date, " +
            "referring_team, referrer_type, destination_type, life_domain, urgency, status, started_on, ended_on, end_reason) FROM STDIN (FORMAT BINARY)");
        for (var i = 0; i < count; i++)
        {
            var neighbourhood = random.Next(Neighbourhoods);
            var age = (AgeBand)random.Next(1, 8);
            var population = PopulationOf(neighbourhood, age);
            var referred = firstDay.AddDays(random.Next(days));
            DateOnly? started = random.NextDouble() < 0.7 ? referred.AddDays((int)(-30 * Math.Log(1 - random.NextDouble()))) : null;
            if (started > today)
            {
                started = null;
            }

            DateOnly? ended = started is { } s && random.NextDouble() < 0.4 ? s.AddDays(random.Next(10, 200)) : null;
            if (ended > today)
            {
                ended = null;
            }

            short status = ended is not null ? (short)4 : started is not null ? (short)3 : (short)1;
            short? reason = ended is null ? null : random.NextDouble() < 0.15 ? (short)39 : (short)31;

            await writer.StartRowAsync();
            await writer.WriteAsync(population.Provider, NpgsqlDbType.Text);
            await writer.WriteAsync(string.Create(CultureInfo.InvariantCulture, $"SIG-{i:D7}"), NpgsqlDbType.Text);
            await writer.WriteAsync(Municipality, NpgsqlDbType.Text);
            await writer.WriteAsync(population.Id, NpgsqlDbType.Uuid);
            await writer.WriteAsync(string.Create(CultureInfo.InvariantCulture, $"client-{random.Next(600_000):x5}s"), NpgsqlDbType.Text);
            await writer.WriteAsync(SyntheticReferrals.Neighbourhood(neighbourhood), NpgsqlDbType.Text);
            await writer.WriteAsync((short)age, NpgsqlDbType.Smallint);
            await writer.WriteAsync(referred, NpgsqlDbType.Date);
            await writer.WriteAsync("Sociaal team", NpgsqlDbType.Text);
            await writer.WriteAsync((short)random.Next(1, 7), NpgsqlDbType.Smallint);
            await writer.WriteAsync((short)random.Next(1, 9), NpgsqlDbType.Smallint);
            await writer.WriteAsync((short)random.Next(1, 14), NpgsqlDbType.Smallint);
            await writer.WriteAsync((short)random.Next(1, 4), NpgsqlDbType.Smallint);
            await writer.WriteAsync(status, NpgsqlDbType.Smallint);
            await WriteNullableAsync(writer, started, NpgsqlDbType.Date);
            await WriteNullableAsync(writer, ended, NpgsqlDbType.Date);
            await WriteNullableAsync(writer, reason, NpgsqlDbType.Smallint);
        }

        await writer.CompleteAsync();
    }

    private static (Guid Id, string Provider) PopulationOf(int neighbourhood, AgeBand age)
    {
        var district = (neighbourhood / 25) + 1;
        var p = age.From() switch
        {
            < 18 => district <= 10 ? Populations[0] : Populations[1],
            < 65 => Populations[2],
            _ => Populations[3],
        };
        return (p.Id, p.Provider);
    }

    private static async Task WriteNullableAsync<T>(Npgsql.NpgsqlBinaryImporter writer, T? value, NpgsqlDbType type)
        where T : struct
    {
        if (value is { } v)
        {
            await writer.WriteAsync(v, type);
        }
        else
        {
            await writer.WriteNullAsync();
        }
    }

    private static string[] Districts(int from, int to) =>
        [.. Enumerable.Range(from, to - from + 1).Select(d => string.Create(CultureInfo.InvariantCulture, $"WK0484{d:D2}"))];
}
