using Platform.Testing;

namespace Platform.Budgets.Tests.Service;

/// <summary>What the application role can read past row-level security, decided table by table.</summary>
public sealed class RowSecurityTests(BudgetsFixture fixture) : IClassFixture<BudgetsFixture>
{
    [Fact]
    public async Task Every_table_the_application_role_reads_is_under_row_level_security()
    {
        Assert.Empty(await OwnerSql.TablesReadableWithoutRowSecurityAsync(fixture.DatabaseConnectionString));
    }

    [Fact]
    public async Task Every_tenant_table_forces_row_level_security_on_its_owner_too()
    {
        var unforced = await fixture.AsOwnerAsync<string>(
            """
            SELECT coalesce(string_agg(relname, ',' ORDER BY relname), '') FROM pg_class
            WHERE relnamespace = 'public'::regnamespace AND relkind = 'r' AND NOT relforcerowsecurity
            """);

        Assert.Equal(string.Empty, unforced);
    }
}
