using Platform.Testing;

namespace Platform.Referrals.Tests.Service;

/// <summary>What the application role can read past row-level security, decided table by table.</summary>
public sealed class RowSecurityTests(ReferralsFixture fixture) : IClassFixture<ReferralsFixture>
{
    /// <summary>Tables any session of the service may read in full, each for a reason; a new one fails the test until decided.</summary>
    private static readonly string[] ReadableWithoutRowSecurity =
    [
        // Which municipalities the signal detector should look at again, and the norm it last used: codes and
        // timestamps, no referral data; every provider's intake writes it, so every session may.
        "public.detection_state",

        // Which municipality belongs to which region: public reference data.
        "public.region_municipalities",
    ];

    [Fact]
    public async Task Every_table_the_application_role_reads_is_under_row_level_security_or_decided_otherwise()
    {
        var readable = await OwnerSql.TablesReadableWithoutRowSecurityAsync(fixture.DatabaseConnectionString);

        Assert.Equal(ReadableWithoutRowSecurity, readable);
    }
}
