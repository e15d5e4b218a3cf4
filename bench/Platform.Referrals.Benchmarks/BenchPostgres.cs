using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Platform.LocalInfrastructure;
using Platform.Messaging;
using Platform.Persistence;
using Platform.Persistence.Migrations;
using Platform.Persistence.Sessions;
using Platform.Resources;

namespace Platform.Referrals.Benchmarks;

/// <summary>A fresh database with the service's schema: its settings, and the application role's view of it.</summary>
internal sealed class BenchDatabase(DatabaseSettings settings) : IAsyncDisposable
{
    private readonly NpgsqlDataSource _appSource = NpgsqlDataSource.Create(settings.AppConnectionString);

    public DatabaseSettings Settings { get; } = settings;

    /// <summary>As the application role, so row-level security applies to every statement.</summary>
    public Database Database => new(_appSource, Settings);

    /// <summary>Runs statements as the owner, for what the application role may not do (read-model rows, TRUNCATE, COPY).</summary>
    public async Task OwnerExecuteAsync(string sql, params object?[] parameters)
    {
        await using var connection = await OpenOwnerAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = parameter ?? DBNull.Value });
        }

        await command.ExecuteNonQueryAsync();
    }

    public async Task<long> OwnerCountAsync(string sql)
    {
        await using var connection = await OpenOwnerAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public async Task<NpgsqlConnection> OpenOwnerAsync()
    {
        var connection = new NpgsqlConnection(Settings.OwnerConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    public ValueTask DisposeAsync() => _appSource.DisposeAsync();
}

/// <summary>
/// A private PostgreSQL under <c>.local/bench/referrals</c>. Each database it hands out is dropped and created anew,
/// then migrated by the platform's own runner with the referrals service's scripts and the messaging tables, as the
/// service migrates its own at start: same tables, indexes, application role and row-level security.
/// </summary>
internal sealed class BenchPostgres(string rootDirectory) : IAsyncDisposable
{
    private readonly PostgresServer _server = new(rootDirectory);

    public int Port => _server.Port;

    /// <summary>The postmaster's process id while it runs.</summary>
    public int? ProcessId => _server.ProcessId;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await _server.StartAsync(cancellationToken);
    }

    public async Task<BenchDatabase> FreshDatabaseAsync(string name, CancellationToken cancellationToken)
    {
        await using (var maintenance = new NpgsqlConnection(_server.OwnerConnectionString()))
        {
            await maintenance.OpenAsync(cancellationToken);
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", maintenance);
            await drop.ExecuteNonQueryAsync(cancellationToken);
        }

        var settings = new DatabaseSettings(name, _server.OwnerConnectionString(name));
        MigrationSource[] migrations =
        [
            MigrationSource.FromAssembly(PlatformResources.Referrals.Database!, typeof(Extensions).Assembly),
            MigrationSource.FromAssembly("platform.messaging", typeof(MessagingExtensions).Assembly),
        ];
        await new MigrationRunner(settings, migrations, NullLogger<MigrationRunner>.Instance).RunAsync(cancellationToken);
        return new BenchDatabase(settings);
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await _server.StopAsync();
    }
}
