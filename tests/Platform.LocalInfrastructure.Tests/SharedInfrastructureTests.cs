using Npgsql;
using Platform.Testing;

namespace Platform.LocalInfrastructure.Tests;

public sealed class SharedInfrastructureTests
{
    [Fact]
    public async Task Every_caller_gets_the_same_running_servers()
    {
        var first = await SharedInfrastructure.GetAsync();
        var second = await SharedInfrastructure.GetAsync();

        Assert.Same(first, second);
        Assert.True(await first.Postgres.IsReadyAsync());
        Assert.True(await first.RabbitMq.IsReadyAsync());
    }

    [Fact]
    public async Task Created_databases_are_new_and_empty()
    {
        var shared = await SharedInfrastructure.GetAsync();

        var connectionString = await shared.CreateDatabaseAsync("Shared Infrastructure-Test");

        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var count = new NpgsqlCommand("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'", connection);
        Assert.Equal(0L, await count.ExecuteScalarAsync());
        Assert.StartsWith("shared_infrastructure_test_", connection.Database);
    }

    [Fact]
    public async Task New_database_names_are_unique_lowercase_identifiers()
    {
        var shared = await SharedInfrastructure.GetAsync();

        var names = Enumerable.Range(0, 100).Select(_ => shared.NewDatabaseName("A very long prefix that goes on and on")).ToList();

        Assert.Equal(100, names.Distinct().Count());
        Assert.All(names, name => Assert.Matches("^[a-z0-9_]{1,63}$", name));
    }
}
