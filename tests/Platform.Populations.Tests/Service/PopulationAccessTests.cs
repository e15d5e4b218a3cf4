using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;
using Platform.Persistence;
using Platform.Persistence.Sessions;
using Platform.Security;
using static Platform.Populations.Tests.Service.PopulationRequests;

namespace Platform.Populations.Tests.Service;

public sealed class PopulationAccessTests(PopulationsFixture fixture) : IClassFixture<PopulationsFixture>, IAsyncLifetime
{
    public Task InitializeAsync() => DemoAreas.SeedAsync(fixture);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Another_municipality_gets_not_found_for_a_population_as_if_it_did_not_exist()
    {
        using var alphen = await fixture.ClientForAsync("advisor.alphen");
        var id = (await DefineAsync(alphen, Population("Alleen Alphen", ["GM0484"]))).Id();
        using var kaag = await fixture.ClientForAsync("advisor.kaag");

        Assert.Equal(HttpStatusCode.NotFound, (await kaag.GetAsync($"/api/populations/populations/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await kaag.GetAsync($"/api/populations/populations/{id}/history")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await kaag.PutAsJsonAsync($"/api/populations/populations/{id}", Population("Overgenomen", ["GM1884"]))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await kaag.PostAsync($"/api/populations/populations/{id}/retire", null)).StatusCode);
        var kaagList = await kaag.GetFromJsonAsync<JsonElement[]>("/api/populations/populations");
        Assert.DoesNotContain(kaagList!, p => p.Id() == id);
        Assert.Equal("Alleen Alphen", await fixture.AsOwnerAsync<string>("SELECT name FROM populations WHERE id = $1", id));
    }

    [Theory]
    [InlineData("controller.alphen")]
    [InlineData("auditor.alphen")]
    [InlineData("contracts.alphen")]
    public async Task The_municipalitys_other_roles_read_but_do_not_edit(string username)
    {
        using var advisor = await fixture.ClientForAsync("advisor.alphen");
        var id = (await DefineAsync(advisor, Population($"Gelezen door {username}", ["WK048401"]))).Id();
        using var reader = await fixture.ClientForAsync(username);

        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync($"/api/populations/populations/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await reader.PostAsJsonAsync("/api/populations/populations", Population("Niet toegestaan", ["GM0484"]))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await reader.PostAsync($"/api/populations/populations/{id}/activate", null)).StatusCode);
    }

    [Fact]
    public async Task A_regional_coordinator_reads_the_regions_populations_and_edits_nothing()
    {
        using var alphen = await fixture.ClientForAsync("advisor.alphen");
        using var kaag = await fixture.ClientForAsync("advisor.kaag");
        var inAlphen = (await DefineAsync(alphen, Population("Regio Alphen", ["GM0484"]))).Id();
        var inKaag = (await DefineAsync(kaag, Population("Regio Kaag", ["GM1884"]))).Id();
        using var coordinator = await fixture.ClientForAsync("coordinator.rijnland");

        var seen = (await coordinator.GetFromJsonAsync<JsonElement[]>("/api/populations/populations"))!.Select(p => p.Id()).ToList();
        Assert.Contains(inAlphen, seen);
        Assert.Contains(inKaag, seen);
        Assert.Equal(HttpStatusCode.Forbidden, (await coordinator.PostAsJsonAsync("/api/populations/populations", Population("Regio", ["GM0484"]))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await coordinator.PostAsJsonAsync(
            $"/api/populations/populations/{inAlphen}/responsibilities", new { providerId = "tom-in-de-buurt", validFrom = "2025-01-01" })).StatusCode);
    }

    [Fact]
    public async Task Without_a_token_nothing_is_served_and_a_provider_token_gets_no_staff_api()
    {
        using var anonymous = fixture.Client(null);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/populations/populations")).StatusCode);
        using var provider = fixture.Client(await fixture.ProviderTokenAsync("provider-tom-in-de-buurt"));
        Assert.Equal(HttpStatusCode.Forbidden, (await provider.GetAsync("/api/populations/populations")).StatusCode);
    }

    [Theory]
    [InlineData("GM0484", true)]
    [InlineData("GM1884", false)]
    public async Task Past_the_api_a_responsibility_is_recorded_only_for_a_population_of_its_own_municipality(string populationOf, bool recorded)
    {
        using var alphen = await fixture.ClientForAsync("advisor.alphen");
        using var kaag = await fixture.ClientForAsync("advisor.kaag");
        var ids = new Dictionary<string, Guid>
        {
            ["GM0484"] = (await DefineAsync(alphen, Population($"Verantwoordelijk Alphen {populationOf}", ["GM0484"]))).Id(),
            ["GM1884"] = (await DefineAsync(kaag, Population($"Verantwoordelijk Kaag {populationOf}", ["GM1884"]))).Id(),
        };
        var settings = new DatabaseSettings("populationsdb", fixture.DatabaseConnectionString);
        await using var dataSource = NpgsqlDataSource.Create(settings.AppConnectionString);

        // Alphen's contract manager, with no WHERE and no API in between; never committed.
        await using var session = await new Database(dataSource, settings).BeginAsync(new CallerContext("GM0484", "test", ["contract-manager"]));
        var record = () => session.ExecuteAsync(
            "INSERT INTO responsibilities (id, population_id, municipality, provider_id, valid_from, recorded_by) " +
            "VALUES (gen_random_uuid(), $1, 'GM0484', 'tom-in-de-buurt', '2025-01-01', 'test')", default, ids[populationOf]);

        if (recorded)
        {
            Assert.Equal(1, await record());
        }
        else
        {
            var refused = await Assert.ThrowsAsync<PostgresException>(record);
            Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, refused.SqlState);
        }
    }

    [Fact]
    public async Task A_query_without_a_tenant_filter_still_sees_only_its_own_municipality()
    {
        using var alphen = await fixture.ClientForAsync("advisor.alphen");
        using var kaag = await fixture.ClientForAsync("advisor.kaag");
        await DefineAsync(alphen, Population("RLS Alphen", ["GM0484"]));
        await DefineAsync(kaag, Population("RLS Kaag", ["GM1884"]));

        // The service's own application role, as every request uses it, with no WHERE on municipality.
        var settings = new DatabaseSettings("populationsdb", fixture.DatabaseConnectionString);
        await using var dataSource = NpgsqlDataSource.Create(settings.AppConnectionString);
        var database = new Database(dataSource, settings);
        var municipalities = await database.InTransactionAsync(
            new CallerContext("GM1884", "test", ["policy-advisor"]),
            async session =>
            {
                await using var command = session.Command("SELECT DISTINCT municipality FROM populations");
                await using var reader = await command.ExecuteReaderAsync();
                var seen = new List<string>();
                while (await reader.ReadAsync())
                {
                    seen.Add(reader.GetString(0));
                }

                return seen;
            });
        Assert.Equal(["GM1884"], municipalities);

        var inserted = await Assert.ThrowsAsync<PostgresException>(() => database.InTransactionAsync(
            new CallerContext("GM1884", "test", ["policy-advisor"]),
            session => session.ExecuteAsync(
                "INSERT INTO populations (id, municipality, name, status, areas, age_from, laws, care_forms, valid_from, version, updated_by) " +
                "VALUES (gen_random_uuid(), 'GM0484', 'x', 'draft', '{GM0484}', 0, '{Wmo}', '{}', '2025-01-01', 1, 'test')", default)));
        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, inserted.SqlState);

        var historyWrite = await Assert.ThrowsAsync<PostgresException>(() => database.InTransactionAsync(
            new CallerContext("GM1884", "test", ["policy-advisor"]),
            session => session.ExecuteAsync("DELETE FROM change_history", default)));
        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, historyWrite.SqlState);
    }
}
