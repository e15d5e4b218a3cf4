using Npgsql;
using Platform.Testing;

namespace Platform.LocalInfrastructure.Tests;

public sealed class PostgresServerTests
{
    [Fact]
    public async Task A_private_server_answers_a_query()
    {
        await using var postgres = await PrivateServers.StartPostgresAsync();

        var version = await ScalarAsync<string>(postgres.OwnerConnectionString(), "SELECT version()");

        Assert.StartsWith("PostgreSQL 15", version);
    }

    [Fact]
    public async Task Starting_twice_reuses_the_running_server()
    {
        await using var postgres = await PrivateServers.StartPostgresAsync();
        var sameFolder = new PostgresServer(postgres.Directory);

        var outcome = await sameFolder.StartAsync();

        Assert.Equal(StartOutcome.AlreadyRunning, outcome);
        Assert.Equal(postgres.Server.ProcessId, sameFolder.ProcessId);
        Assert.Equal(postgres.Port, sameFolder.Port);
    }

    [Fact]
    public async Task Simultaneous_starts_of_one_folder_start_one_server()
    {
        var directory = PrivateServers.NewDirectory();
        PostgresServer[] servers = [new(directory), new(directory), new(directory)];
        try
        {
            var outcomes = await Task.WhenAll(servers.Select(server => server.StartAsync()));

            Assert.Single(outcomes, StartOutcome.Started);
            Assert.Single(servers.Select(server => (server.ProcessId, server.Port)).Distinct());
        }
        finally
        {
            await servers[0].StopAsync();
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task Data_survives_a_stop_and_a_start_on_the_same_port()
    {
        await using var postgres = await PrivateServers.StartPostgresAsync();
        var connectionString = postgres.OwnerConnectionString();
        await ScalarAsync<int>(connectionString, "CREATE TABLE kept (id int); INSERT INTO kept VALUES (42); SELECT 1");

        await postgres.StopAsync();
        Assert.False(await postgres.IsReadyAsync());
        await postgres.StartAsync();

        Assert.Equal(connectionString, postgres.OwnerConnectionString());
        Assert.Equal(42, await ScalarAsync<int>(connectionString, "SELECT id FROM kept"));
    }

    [Fact]
    public async Task A_server_is_stopped_from_its_folder_alone()
    {
        await using var postgres = await PrivateServers.StartPostgresAsync();
        var processId = postgres.Server.ProcessId!.Value;

        // What "./run.sh down" does: a new process knows only the folder.
        await new PostgresServer(postgres.Directory).StopAsync();

        Assert.False(DetachedProcess.IsAlive(processId));
        Assert.Null(postgres.Server.ProcessId);
    }

    // Unpooled: a pooled connection would not notice that the server restarted under it.
    private static async Task<T> ScalarAsync<T>(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString + ";Pooling=false");
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }
}
