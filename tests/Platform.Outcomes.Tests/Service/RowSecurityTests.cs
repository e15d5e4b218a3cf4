using Platform.Testing;

namespace Platform.Outcomes.Tests.Service;

/// <summary>What the application role can read past row-level security, decided table by table.</summary>
public sealed class RowSecurityTests(OutcomesFixture fixture) : IClassFixture<OutcomesFixture>
{
    /// <summary>Tables any session of the service may read in full, each for a reason; a new one fails the test until decided.</summary>
    private static readonly string[] ReadableWithoutRowSecurity =
    [
        // Which municipalities are due for evaluation: municipality codes and times only, read by the evaluator before it
        // takes a municipality's context.
        "public.evaluation_state",

        // The indicator catalogue and its definition versions: public reference data, no tenant's figures.
        "public.indicator_definitions",
        "public.indicators",
    ];

    [Fact]
    public async Task Every_table_the_application_role_reads_is_under_row_level_security_or_decided_otherwise()
    {
        var readable = await OwnerSql.TablesReadableWithoutRowSecurityAsync(fixture.DatabaseConnectionString);

        Assert.Equal(ReadableWithoutRowSecurity, readable);
    }
}
