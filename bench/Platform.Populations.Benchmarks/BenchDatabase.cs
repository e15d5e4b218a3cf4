using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Platform.LocalInfrastructure;
using Platform.Persistence;
using Platform.Persistence.Migrations;
using Platform.Persistence.Sessions;
using Platform.Populations.Domain.Analysis;

namespace Platform.Populations.Benchmarks;

/// <summary>
/// A private PostgreSQL under <c>.local/bench/populations</c> with a fresh service database, migrated by the
/// service's own runner and scripts, and reached through the application role so that row-level security applies.
/// </summary>
internal sealed class BenchDatabase : IAsyncDisposable
{
    private const string DatabaseName = "populationsdb";

    private readonly PostgresServer _server;
    private readonly NpgsqlDataSource _appSource;

    private BenchDatabase(PostgresServer server, DatabaseSettings settings)
    {
        _server = server;
        Settings = settings;
        _appSource = NpgsqlDataSource.Create(settings.AppConnectionString);
        Database = new Database(_appSource, settings);
    }

    public DatabaseSettings Settings { get; }

    public Database Database { get; }

    public int Port => _server.Port;

    public static async Task<BenchDatabase> StartAsync()
    {
        var server = new PostgresServer(Path.Combine(RepositoryRoot.Find(), ".local", "bench", "populations"));
        await server.StartAsync();

        // A database left by an earlier run would make the first import a repeat.
        await using (var maintenance = new NpgsqlConnection(server.OwnerConnectionString()))
        {
            await maintenance.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {DatabaseName} WITH (FORCE)", maintenance);
            await drop.ExecuteNonQueryAsync();
        }

        var settings = new DatabaseSettings(DatabaseName, server.OwnerConnectionString(DatabaseName));
        var migrations = MigrationSource.FromAssembly(DatabaseName, typeof(OverlapAnalysis).Assembly);
        await new MigrationRunner(settings, [migrations], NullLogger<MigrationRunner>.Instance).RunAsync(CancellationToken.None);
        return new BenchDatabase(server, settings);
    }

    /// <summary>Runs statements as the owner, for what the application role may not do (TRUNCATE, DDL, VACUUM).</summary>
    public async Task OwnerExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(Settings.OwnerConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _appSource.DisposeAsync();
        NpgsqlConnection.ClearAllPools();
        await _server.StopAsync();
    }
}
