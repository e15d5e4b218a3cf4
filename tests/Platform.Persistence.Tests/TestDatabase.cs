using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Platform.Persistence.Migrations;
using Platform.Testing;

namespace Platform.Persistence.Tests;

/// <summary>A fresh database on the shared test server, with a runner for the given migrations.</summary>
internal sealed class TestDatabase
{
    private TestDatabase(DatabaseSettings settings) => Settings = settings;

    public DatabaseSettings Settings { get; }

    public static async Task<TestDatabase> CreateAsync(string prefix)
    {
        var infrastructure = await SharedInfrastructure.GetAsync();
        var name = infrastructure.NewDatabaseName(prefix);
        return new TestDatabase(new DatabaseSettings(name, infrastructure.PostgresOwnerConnectionString(name)));
    }

    public MigrationRunner Runner(params Migration[] migrations) =>
        new(Settings, [MigrationSource.FromMigrations("test", migrations)], NullLogger<MigrationRunner>.Instance);

    // noResetOnClose keeps session state when a connection returns to the pool (no DISCARD ALL),
    // so whatever a transaction leaves behind at session level is still there for the next one.
    public NpgsqlDataSource AppDataSource(int maxPoolSize = 10, bool noResetOnClose = false) =>
        NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(Settings.AppConnectionString)
        {
            MaxPoolSize = maxPoolSize,
            NoResetOnClose = noResetOnClose,
        }.ConnectionString);

    public async Task<T?> OwnerScalarAsync<T>(string sql)
    {
        await using var connection = new NpgsqlConnection(Settings.OwnerConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        var value = await command.ExecuteScalarAsync();
        return value is null or DBNull ? default : (T)value;
    }

    public async Task OwnerExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(Settings.OwnerConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
