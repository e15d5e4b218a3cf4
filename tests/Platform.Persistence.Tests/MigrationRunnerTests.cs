using Platform.Persistence.Migrations;

namespace Platform.Persistence.Tests;

public class MigrationRunnerTests
{
    private static readonly Migration CreateCounter = new("test", 1, "create_counter", """
        CREATE TABLE runs (ran_at timestamptz NOT NULL DEFAULT clock_timestamp());
        INSERT INTO runs DEFAULT VALUES;
        SELECT pg_sleep(0.3);
        """);

    private static readonly Migration AddColumn = new("test", 2, "add_column", """
        ALTER TABLE runs ADD COLUMN note text;
        INSERT INTO runs (note) VALUES ('second');
        """);

    [Fact]
    public async Task Two_instances_starting_together_apply_each_migration_once()
    {
        var database = await TestDatabase.CreateAsync("migtwice");

        await Task.WhenAll(
            database.Runner(CreateCounter, AddColumn).RunAsync(CancellationToken.None),
            database.Runner(CreateCounter, AddColumn).RunAsync(CancellationToken.None));

        Assert.Equal(2L, await database.OwnerScalarAsync<long>("SELECT count(*) FROM runs"));
        Assert.Equal(2L, await database.OwnerScalarAsync<long>("SELECT count(*) FROM platform.schema_migrations WHERE module = 'test'"));
    }

    [Fact]
    public async Task A_broken_migration_leaves_the_schema_unchanged_and_names_itself()
    {
        var database = await TestDatabase.CreateAsync("migbroken");
        var broken = new Migration("test", 2, "broken_step", """
            CREATE TABLE half_done (id int);
            INSERT INTO no_such_table VALUES (1);
            """);

        var failure = await Assert.ThrowsAsync<MigrationFailedException>(
            () => database.Runner(CreateCounter, broken).RunAsync(CancellationToken.None));

        Assert.Contains("0002_broken_step", failure.Message, StringComparison.Ordinal);
        Assert.Contains("no_such_table", failure.Message, StringComparison.Ordinal);
        Assert.Null(await database.OwnerScalarAsync<string>("SELECT to_regclass('public.half_done')::text"));
        Assert.Equal(1L, await database.OwnerScalarAsync<long>("SELECT count(*) FROM platform.schema_migrations WHERE module = 'test'"));
    }

    [Fact]
    public async Task A_migration_edited_after_it_ran_is_refused()
    {
        var database = await TestDatabase.CreateAsync("migedited");
        await database.Runner(CreateCounter).RunAsync(CancellationToken.None);
        var edited = CreateCounter with { Sql = CreateCounter.Sql + "\nSELECT 1;" };

        var failure = await Assert.ThrowsAsync<MigrationFailedException>(
            () => database.Runner(edited).RunAsync(CancellationToken.None));

        Assert.Contains("changed after it was applied", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_application_role_cannot_bypass_row_level_security_and_owns_nothing()
    {
        var database = await TestDatabase.CreateAsync("migrole");
        await database.Runner(CreateCounter).RunAsync(CancellationToken.None);
        await using var dataSource = database.AppDataSource();
        await using var command = dataSource.CreateCommand("""
            SELECT r.rolsuper, r.rolbypassrls,
                   (SELECT count(*) FROM pg_class c WHERE c.relowner = r.oid)
            FROM pg_roles r WHERE r.rolname = current_user
            """);
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());

        Assert.False(reader.GetBoolean(0), "superuser");
        Assert.False(reader.GetBoolean(1), "bypasses row-level security");
        Assert.Equal(0L, reader.GetInt64(2));
    }

    [Fact]
    public async Task The_application_role_cannot_change_the_schema()
    {
        var database = await TestDatabase.CreateAsync("migddl");
        await database.Runner(CreateCounter).RunAsync(CancellationToken.None);
        await using var dataSource = database.AppDataSource();

        await using var drop = dataSource.CreateCommand("DROP TABLE runs");
        var denied = await Assert.ThrowsAsync<Npgsql.PostgresException>(() => drop.ExecuteNonQueryAsync());

        Assert.Equal(Npgsql.PostgresErrorCodes.InsufficientPrivilege, denied.SqlState);
    }
}
