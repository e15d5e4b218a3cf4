using Platform.Testing;
using static Platform.Populations.Tests.Service.PopulationRequests;

namespace Platform.Populations.Tests.Service;

/// <summary>What the application role can read past row-level security, decided table by table.</summary>
public sealed class RowSecurityTests(PopulationsFixture fixture) : IClassFixture<PopulationsFixture>
{
    /// <summary>Tables any session of the service may read in full, each for a reason; a new one fails the test until decided.</summary>
    private static readonly string[] ReadableWithoutRowSecurity = [];

    [Fact]
    public async Task Every_table_the_application_role_reads_is_under_row_level_security_or_decided_otherwise()
    {
        var readable = await OwnerSql.TablesReadableWithoutRowSecurityAsync(fixture.DatabaseConnectionString);

        Assert.Equal(ReadableWithoutRowSecurity, readable);
    }

    [Fact]
    public async Task A_municipalitys_session_reads_no_outbox_rows_while_the_relay_reads_them_all()
    {
        await DemoAreas.SeedAsync(fixture);
        using var advisor = await fixture.ClientForAsync("advisor.alphen");
        await DefineAsync(advisor, Population("Alleen voor de relay", ["WK048401"], ageFrom: 18, validFrom: "2024-01-01"));
        var events = await fixture.AsOwnerAsync<long>("SELECT count(*) FROM platform.outbox_messages");
        var database = await fixture.AsOwnerAsync<string>("SELECT current_database()");
        const string Count = "SELECT count(*) FROM platform.outbox_messages";

        var seenByAdvisor = await AppRoleSql.CountAsync(fixture.DatabaseConnectionString, database!, "GM0484", "advisor.alphen", Count);
        var seenByRelay = await AppRoleSql.CountAsync(fixture.DatabaseConnectionString, database!, null, "system:outbox-relay", Count);

        Assert.True(events > 0);
        Assert.Equal(0, seenByAdvisor);
        Assert.Equal(events, seenByRelay);
    }
}
