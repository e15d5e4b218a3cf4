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

        var viaSystem = await new Database(dataSource, database.Settings).InTransactionAsync(CallerContext.System("test"),
            session => session.ScalarAsync<long>("SELECT count(*) FROM cases", CancellationToken.None));
        Assert.Equal(0L, viaSystem);
    }

    [Fact]
    public async Task A_query_without_a_where_clause_sees_only_its_own_municipality()
    {
        var database = await CreateAsync("rlsown");
        await using var dataSource = database.AppDataSource();

        var names = await new Database(dataSource, database.Settings).InTransactionAsync(Staff("GM0484"), async session =>
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
            new Database(dataSource, database.Settings).InTransactionAsync(Staff("GM0484"),
                session => session.ExecuteAsync("INSERT INTO cases VALUES ('GM0344', 'smuggled')", CancellationToken.None)));

        Assert.Equal(Npgsql.PostgresErrorCodes.InsufficientPrivilege, denied.SqlState);
        Assert.Equal(1L, await database.OwnerScalarAsync<long>("SELECT count(*) FROM cases WHERE municipality = 'GM0344'"));
    }

    [Fact]
    public async Task The_tenant_setting_ends_with_the_transaction_on_a_pooled_connection()
    {
        var database = await CreateAsync("rlsleak");
        // Without the pool's reset, whatever a transaction left at session level survives the connection's return to the pool.
        await using var dataSource = database.AppDataSource(maxPoolSize: 1, noResetOnClose: true);
        var db = new Database(dataSource, database.Settings);
        await db.InTransactionAsync(Staff("GM0484"), session => session.ScalarAsync<long>("SELECT count(*) FROM cases", CancellationToken.None));

        // The single pooled connection is reused; a context that outlived its transaction would still carry GM0484.
        await using var plain = dataSource.CreateCommand("SELECT count(*) FROM cases");
        Assert.Equal(0L, (long)(await plain.ExecuteScalarAsync())!);
        await using var context = dataSource.CreateCommand("SELECT coalesce(platform.current_municipality(), '')");
        Assert.Equal(string.Empty, await context.ExecuteScalarAsync());
    }

    [Theory]
    [InlineData("SELECT set_config('platform.municipality', 'GM0344', true)")]
    [InlineData("SELECT set_config('platform.municipality', 'GM0344', false)")]
    [InlineData("SET LOCAL platform.municipality = 'GM0344'")]
    public async Task The_application_role_cannot_widen_its_tenant_by_setting_the_context_itself(string widen)
    {
        var database = await CreateAsync("rlswiden");
        await using var dataSource = database.AppDataSource();

        var names = await new Database(dataSource, database.Settings).InTransactionAsync(Staff("GM0484"), async session =>
        {
            await session.ExecuteAsync(widen, CancellationToken.None);
            return await session.QueryAsync("SELECT name FROM cases ORDER BY name", reader => reader.GetString(0), CancellationToken.None);
        });

        Assert.Equal(["alphen case", "second alphen case"], names);

        // Without a context from the service, a setting of its own shows it nothing at all.
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using (var set = new Npgsql.NpgsqlCommand(widen, connection, transaction))
        {
            await set.ExecuteNonQueryAsync();
        }

        await using var count = new Npgsql.NpgsqlCommand("SELECT count(*) FROM cases", connection, transaction);
        Assert.Equal(0L, (long)(await count.ExecuteScalarAsync())!);
    }

    [Theory]
    [InlineData("INSERT INTO platform.caller_contexts (backend, xact, municipality, roles) VALUES (pg_backend_pid(), pg_current_xact_id(), 'GM0344', '{}')")]
    [InlineData("UPDATE platform.caller_contexts SET municipality = 'GM0344'")]
    [InlineData("DELETE FROM platform.caller_contexts")]
    [InlineData("SELECT count(*) FROM platform.caller_context_key")]
    public async Task The_application_role_can_neither_write_the_context_nor_read_its_key(string sql)
    {
        var database = await CreateAsync("rlsctxtable");
        await using var dataSource = database.AppDataSource();

        var denied = await Assert.ThrowsAsync<Npgsql.PostgresException>(() =>
            new Database(dataSource, database.Settings).InTransactionAsync(Staff("GM0484"),
                session => session.ExecuteAsync(sql, CancellationToken.None)));

        Assert.Equal(Npgsql.PostgresErrorCodes.InsufficientPrivilege, denied.SqlState);
    }

    public static TheoryData<string> ForgedSignatures => new()
    {
        "unsigned",
        "another key",
        "another backend",
        "issued an hour ago",
    };

    [Theory]
    [MemberData(nameof(ForgedSignatures))]
    public async Task A_context_without_the_services_signature_for_this_backend_and_time_is_refused(string forgery)
    {
        var database = await CreateAsync("rlsforged");
        await using var dataSource = database.AppDataSource();
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        var widened = Staff("GM0344");
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var key = database.Settings.CallerContextKey;
        var signature = forgery switch
        {
            "unsigned" => new byte[32],
            "another key" => Sessions.CallerContextSeal.Sign(new DatabaseSettings("other", database.Settings.OwnerConnectionString + ";Password=guess").CallerContextKey, connection.ProcessID, now, widened),
            "another backend" => Sessions.CallerContextSeal.Sign(key, connection.ProcessID + 1, now, widened),
            _ => Sessions.CallerContextSeal.Sign(key, connection.ProcessID, now - 3_600_000, widened),
        };
        var issuedAt = forgery == "issued an hour ago" ? now - 3_600_000 : now;

        await using var begin = new Npgsql.NpgsqlCommand(
            "SELECT platform.begin_caller_context($1, '', '', 'user-1', $2, $3, $4)", connection, transaction);
        begin.Parameters.AddWithValue("GM0344");
        begin.Parameters.AddWithValue(widened.Roles.ToArray());
        begin.Parameters.AddWithValue(issuedAt);
        begin.Parameters.AddWithValue(signature);
        var denied = await Assert.ThrowsAsync<Npgsql.PostgresException>(() => begin.ExecuteNonQueryAsync());

        Assert.Equal(Npgsql.PostgresErrorCodes.InsufficientPrivilege, denied.SqlState);
    }

    [Fact]
    public async Task A_context_signed_by_the_service_is_taken_with_every_field()
    {
        var database = await CreateAsync("rlssigned");
        await using var dataSource = database.AppDataSource();
        var caller = new CallerContext("GM0484", "user-1", ["policy-advisor", "a,b"], ProviderId: "provider-1", Region: "RG01");

        var seen = await new Database(dataSource, database.Settings).InTransactionAsync(caller, session => session.QueryAsync(
            """
            SELECT platform.current_municipality(), platform.current_region(), platform.current_provider(),
                   platform.current_subject(), platform.has_role('policy-advisor'), platform.has_role('a,b'), platform.has_role('a')
            """,
            r => (r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetBoolean(4), r.GetBoolean(5), r.GetBoolean(6)),
            CancellationToken.None));

        Assert.Equal([("GM0484", "RG01", "provider-1", "user-1", true, true, false)], seen);
    }

    [Fact]
    public async Task Changes_of_an_uncommitted_session_are_rolled_back()
    {
        var database = await CreateAsync("rlsrollback");
        await using var dataSource = database.AppDataSource();
        var db = new Database(dataSource, database.Settings);

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

        var (names, workersLaunched) = await new Database(dataSource, database.Settings).InTransactionAsync(Staff("GM0484"), ReadInParallelAsync);

        Assert.True(workersLaunched > 0, "the plan ran on parallel workers");
        Assert.Equal(["alphen case", "second alphen case"], names);
    }

    [Fact]
    public async Task Parallel_workers_still_keep_tenants_apart()
    {
        var database = await CreateAsync("rlsparallelapart");
        await using var dataSource = database.AppDataSource();
        var db = new Database(dataSource, database.Settings);

        var (utrecht, _) = await db.InTransactionAsync(Staff("GM0344"), ReadInParallelAsync);
        var (none, _) = await db.InTransactionAsync(CallerContext.System("test"), ReadInParallelAsync);

        Assert.Equal(["utrecht case"], utrecht);
        Assert.Empty(none);
    }
}
