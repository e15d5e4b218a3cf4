using Microsoft.Extensions.Logging;
using Npgsql;

namespace Platform.Persistence.Migrations;

/// <summary>
/// Applies the pending migrations of every module, each in its own transaction, under a
/// PostgreSQL advisory lock so that instances starting together apply each migration once.
/// </summary>
public sealed class MigrationRunner(DatabaseSettings settings, IEnumerable<MigrationSource> sources, ILogger<MigrationRunner> logger)
{
    /// <summary>Arbitrary but fixed: every instance of a service must contend for the same lock.</summary>
    private const long MigrationLockKey = 0x504C_4154_4D49_47; // "PLATMIG"

    public async Task RunAsync(CancellationToken ct)
    {
        await WaitForServerAsync(ct);
        await DatabaseBootstrap.EnsureDatabaseExistsAsync(settings, ct);

        // A dedicated unpooled connection: the session-level advisory lock ends with it, whatever happens.
        var lockConnection = new NpgsqlConnectionStringBuilder(settings.OwnerConnectionString) { Pooling = false };
        await using var connection = new NpgsqlConnection(lockConnection.ConnectionString);
        await connection.OpenAsync(ct);
        await ExecuteAsync(connection, $"SELECT pg_advisory_lock({MigrationLockKey})", ct);

        await DatabaseBootstrap.ApplyAsync(connection, settings, ct);
        var applied = await ReadAppliedAsync(connection, ct);
        foreach (var migration in sources.SelectMany(s => s.Migrations))
        {
            if (applied.TryGetValue((migration.Module, migration.Version), out var checksum))
            {
                if (checksum != migration.Checksum)
                {
                    throw new MigrationFailedException(migration, new InvalidOperationException(
                        "The script was changed after it was applied. Applied migrations are immutable: add a new migration instead."));
                }

                continue;
            }

            await ApplyAsync(connection, migration, ct);
        }

        await ExecuteAsync(connection, $"SELECT pg_advisory_unlock({MigrationLockKey})", ct);
    }

    private async Task ApplyAsync(NpgsqlConnection connection, Migration migration, CancellationToken ct)
    {
        await using var transaction = await connection.BeginTransactionAsync(ct);
        try
        {
            var sql = migration.Sql.Replace("${app_role}", DatabaseBootstrap.Quote(settings.AppRole), StringComparison.Ordinal);
            await using (var script = new NpgsqlCommand(sql, connection, transaction))
            {
                await script.ExecuteNonQueryAsync(ct);
            }

            await using (var record = new NpgsqlCommand(
                "INSERT INTO platform.schema_migrations (module, version, name, checksum) VALUES ($1, $2, $3, $4)",
                connection,
                transaction))
            {
                record.Parameters.AddWithValue(migration.Module);
                record.Parameters.AddWithValue(migration.Version);
                record.Parameters.AddWithValue(migration.Name);
                record.Parameters.AddWithValue(migration.Checksum);
                await record.ExecuteNonQueryAsync(ct);
            }

            await transaction.CommitAsync(ct);
            logger.LogInformation("Applied migration {Module} {Version} {Name}", migration.Module, migration.Version, migration.Name);
        }
        catch (NpgsqlException e)
        {
            await transaction.RollbackAsync(CancellationToken.None);
            throw new MigrationFailedException(migration, e);
        }
    }

    private static async Task<Dictionary<(string Module, int Version), string>> ReadAppliedAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        var applied = new Dictionary<(string, int), string>();
        await using var command = new NpgsqlCommand("SELECT module, version, checksum FROM platform.schema_migrations", connection);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            applied[(reader.GetString(0), reader.GetInt32(1))] = reader.GetString(2);
        }

        return applied;
    }

    /// <summary>A service may start before its database server accepts connections; wait a bounded time.</summary>
    private async Task WaitForServerAsync(CancellationToken ct)
    {
        var maintenance = new NpgsqlConnectionStringBuilder(settings.OwnerConnectionString) { Database = "postgres", Pooling = false, Timeout = 5 };
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            try
            {
                await using var connection = new NpgsqlConnection(maintenance.ConnectionString);
                await connection.OpenAsync(ct);
                return;
            }
            catch (NpgsqlException e) when (e.IsTransient && DateTime.UtcNow < deadline)
            {
                logger.LogWarning("Database server not reachable yet ({Error}); retrying", e.Message);
                await Task.Delay(TimeSpan.FromSeconds(1), ct);
            }
        }
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(ct);
    }
}
