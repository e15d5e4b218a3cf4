using System.Diagnostics;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using Platform.LocalInfrastructure;
using Platform.Persistence;
using Platform.Persistence.Migrations;
using Platform.Persistence.Sessions;
using Platform.Security;

namespace Platform.Messaging.Benchmarks;

/// <summary>
/// The platform's path: each event committed in its own transaction with a state change, relayed
/// from the outbox, and applied by an inbox consumer in the consumer's own transaction.
/// </summary>
internal static class OutboxInboxRun
{
    private const string DatabaseName = "benchoutbox";
    private const int Writers = 16;

    private static readonly Migration Schema = new("bench", 1, "applied", """
        CREATE TABLE written (number integer NOT NULL);
        CREATE TABLE applied (event_id uuid NOT NULL, number integer NOT NULL);
        """);

    public static async Task<RunResult> RunAsync(PostgresServer postgres, Uri brokerUri, int events)
    {
        await DropDatabaseAsync(postgres);
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            [$"ConnectionStrings:{DatabaseName}"] = postgres.OwnerConnectionString(DatabaseName),
            ["ConnectionStrings:messaging"] = brokerUri.ToString(),
        });
        builder.Services.AddOptions<MassTransitHostOptions>().Configure(o => o.WaitUntilStarted = true);
        builder.AddPlatformDatabase(DatabaseName, MigrationSource.FromMigrations("bench", [Schema]));
        builder.AddPlatformMessaging("bench-outbox", bus => bus.AddConsumer<OutboxEventConsumer>());
        using var host = builder.Build();
        await host.StartAsync();
        var database = host.Services.GetRequiredService<Database>();
        var outbox = host.Services.GetRequiredService<Outbox.Outbox>();

        var clock = Stopwatch.StartNew();
        await Parallel.ForAsync(0, events, new ParallelOptions { MaxDegreeOfParallelism = Writers }, async (i, ct) =>
            await database.InTransactionAsync(CallerContext.System("bench"), async session =>
            {
                await session.ExecuteAsync("INSERT INTO written (number) VALUES ($1)", ct, i);
                await outbox.AddAsync(session, new OutboxEventHappened(i), ct);
            }, ct));
        Console.WriteLine($"  all {events:N0} events committed after {clock.Elapsed.TotalSeconds:N1} s");
        while (await CountAsync(postgres, "SELECT count(DISTINCT event_id) FROM applied") < events)
        {
            await Task.Delay(20);
        }

        var elapsed = clock.Elapsed;

        // Let late duplicates arrive before counting them.
        await Task.Delay(TimeSpan.FromSeconds(2));
        var distinct = await CountAsync(postgres, "SELECT count(DISTINCT event_id) FROM applied");
        var total = await CountAsync(postgres, "SELECT count(*) FROM applied");
        await host.StopAsync();
        return new RunResult(events, elapsed, Lost: events - distinct, Doubled: total - distinct);
    }

    private static async Task<long> CountAsync(PostgresServer postgres, string sql)
    {
        await using var connection = new NpgsqlConnection(postgres.OwnerConnectionString(DatabaseName));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static async Task DropDatabaseAsync(PostgresServer postgres)
    {
        await using var connection = new NpgsqlConnection(postgres.OwnerConnectionString());
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS {DatabaseName} WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }
}
