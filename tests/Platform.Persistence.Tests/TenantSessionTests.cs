using Platform.Persistence.Migrations;
using Platform.Persistence.Sessions;
using Platform.Security;

namespace Platform.Persistence.Tests;

public class TenantSessionTests
{
    private static readonly Migration TenantTable = new("test", 1, "tenant_table", """
        CREATE TABLE cases (municipality text NOT NULL, name text NOT NULL);
        ALTER TABLE cases ENABLE ROW LEVEL SECURITY;
        CREATE POLICY tenant_isolation ON cases
            USING (municipality = platform.current_municipality())
            WITH CHECK (municipality = platform.current_municipality());
        INSERT INTO cases VALUES ('GM0344', 'utrecht case'), ('GM0484', 'alphen case'), ('GM0484', 'second alphen case');
        """);

    private static CallerContext Staff(string municipality) => new(municipality, "user-1", ["policy-advisor"]);

    private static async Task<TestDatabase> CreateAsync(string prefix)
    {
        var database = await TestDatabase.CreateAsync(prefix);
        await database.Runner(TenantTable).RunAsync(CancellationToken.None);
        return database;
    }

    [Fact]
    public async Task A_query_without_a_tenant_sees_no_tenant_rows()
    {
        var database = await CreateAsync("rlsnone");
        await using var dataSource = database.AppDataSource();

        await using var plain = dataSource.CreateCommand("SELECT count(*) FROM cases");
        Assert.Equal(0L, (long)(await plain.ExecuteScalarAsync())!);

        var viaSystem = await new Database(dataSource).InTransactionAsync(CallerContext.System("test"),
            session => session.ScalarAsync<long>("SELECT count(*) FROM cases", CancellationToken.None));
        Assert.Equal(0L, viaSystem);
    }

    [Fact]
    public async Task A_query_without_a_where_clause_sees_only_its_own_municipality()
    {
        var database = await CreateAsync("rlsown");
        await using var dataSource = database.AppDataSource();

        var names = await new Database(dataSource).InTransactionAsync(Staff("GM0484"), async session =>
        {
            await using var command = session.Command("SELECT name FROM cases ORDER BY name");
            await using var reader = await command.ExecuteReaderAsync();
            var found = new List<string>();
            while (await reader.ReadAsync())
            {
                found.Add(reader.GetString(0));
            }

            return found;
        });

        Assert.Equal(["alphen case", "second alphen case"], names);
    }

    [Fact]
    public async Task A_tenant_cannot_write_rows_of_another_tenant()
    {
        var database = await CreateAsync("rlswrite");
        await using var dataSource = database.AppDataSource();

        var denied = await Assert.ThrowsAsync<Npgsql.PostgresException>(() =>
            new Database(dataSource).InTransactionAsync(Staff("GM0484"),
                session => session.ExecuteAsync("INSERT INTO cases VALUES ('GM0344', 'smuggled')", CancellationToken.None)));

        Assert.Equal(Npgsql.PostgresErrorCodes.InsufficientPrivilege, denied.SqlState);
        Assert.Equal(1L, await database.OwnerScalarAsync<long>("SELECT count(*) FROM cases WHERE municipality = 'GM0344'"));
    }

    [Fact]
    public async Task The_tenant_setting_ends_with_the_transaction_on_a_pooled_connection()
    {
        var database = await CreateAsync("rlsleak");
        // Without the pool's reset, a session-level SET would survive the connection's return to the pool.
        await using var dataSource = database.AppDataSource(maxPoolSize: 1, noResetOnClose: true);
        var db = new Database(dataSource);
        await db.InTransactionAsync(Staff("GM0484"), session => session.ScalarAsync<long>("SELECT count(*) FROM cases", CancellationToken.None));

        // The single pooled connection is reused; a session-level SET would still carry GM0484.
        await using var plain = dataSource.CreateCommand("SELECT count(*) FROM cases");
        Assert.Equal(0L, (long)(await plain.ExecuteScalarAsync())!);
        await using var setting = dataSource.CreateCommand("SELECT coalesce(current_setting('platform.municipality', true), '')");
        Assert.Equal(string.Empty, await setting.ExecuteScalarAsync());
    }

    [Fact]
    public async Task Changes_of_an_uncommitted_session_are_rolled_back()
    {
        var database = await CreateAsync("rlsrollback");
        await using var dataSource = database.AppDataSource();
        var db = new Database(dataSource);

        await using (var session = await db.BeginAsync(Staff("GM0484")))
        {
            await session.ExecuteAsync("INSERT INTO cases VALUES ('GM0484', 'abandoned')", CancellationToken.None);
        }

        Assert.Equal(0L, await database.OwnerScalarAsync<long>("SELECT count(*) FROM cases WHERE name = 'abandoned'"));
    }

    /// <summary>Forces every scan of the transaction onto parallel workers, the leader only gathering.</summary>
    private const string ForceParallelPlans = """
        SET LOCAL parallel_setup_cost = 0;
        SET LOCAL parallel_tuple_cost = 0;
        SET LOCAL min_parallel_table_scan_size = 0;
        SET LOCAL parallel_leader_participation = off;
        """;

    private static async Task<(List<string> Names, int WorkersLaunched)> ReadInParallelAsync(DbSession session)
    {
        await session.ExecuteAsync(ForceParallelPlans, CancellationToken.None);
        var plan = await session.ScalarAsync<string>(
            "EXPLAIN (ANALYZE, FORMAT JSON) SELECT name FROM cases", CancellationToken.None);
        var workers = System.Text.Json.JsonDocument.Parse(plan!).RootElement[0].GetProperty("Plan");
        Assert.Equal("Gather", workers.GetProperty("Node Type").GetString());
        var names = await session.QueryAsync("SELECT name FROM cases ORDER BY name", reader => reader.GetString(0), CancellationToken.None);
        return (names, workers.GetProperty("Workers Launched").GetInt32());
    }

    [Fact]
    public async Task The_caller_context_functions_are_parallel_safe()
    {
        var database = await CreateAsync("rlsparsafe");

        var unsafeFunctions = await database.OwnerScalarAsync<long>("""
            SELECT count(*) FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
            WHERE n.nspname = 'platform' AND p.proname IN ('current_municipality', 'current_region', 'current_provider', 'current_subject', 'has_role')
              AND p.proparallel <> 's'
            """);

        Assert.Equal(0L, unsafeFunctions);
    }

    [Fact]
    public async Task Parallel_workers_see_the_callers_municipality_set_in_the_transaction()
    {
        var database = await CreateAsync("rlsparallel");
        await using var dataSource = database.AppDataSource();

        var (names, workersLaunched) = await new Database(dataSource).InTransactionAsync(Staff("GM0484"), ReadInParallelAsync);

        Assert.True(workersLaunched > 0, "the plan ran on parallel workers");
        Assert.Equal(["alphen case", "second alphen case"], names);
    }

    [Fact]
    public async Task Parallel_workers_still_keep_tenants_apart()
    {
        var database = await CreateAsync("rlsparallelapart");
        await using var dataSource = database.AppDataSource();
        var db = new Database(dataSource);

        var (utrecht, _) = await db.InTransactionAsync(Staff("GM0344"), ReadInParallelAsync);
        var (none, _) = await db.InTransactionAsync(CallerContext.System("test"), ReadInParallelAsync);

        Assert.Equal(["utrecht case"], utrecht);
        Assert.Empty(none);
    }
}
