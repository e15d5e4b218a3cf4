using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.Testing;

namespace Platform.Contracts.Tests;

/// <summary>Contracts over REST against the running service: terms, refusals, tenants, roles and history.</summary>
[Collection(SharedContractsService.Name)]
public sealed class ContractsTests(ContractsFixture fixture)
{
    private static object Terms(string legalForm = "agreement", bool hasMalus = false, int extensionOptions = 1, string? notes = null) => new
    {
        name = "Tom in de buurt 0-100",
        legalForm,
        parties = new[]
        {
            new { providerId = "tom-in-de-buurt", name = "Coöperatie Tom in de buurt", role = "contracting-party" },
            new { providerId = "rijnland-jeugd", name = "Rijnland Jeugd", role = "subcontractor" },
        },
        start = "2025-01-01",
        end = "2028-12-31",
        evaluationDates = new[] { "2026-12-31" },
        extensionOptions,
        extensionMonths = 12,
        noticeMonths = 6,
        populations = Array.Empty<Guid>(),
        laws = new[] { "wmo", "jeugdwet" },
        hasMalus,
        notes,
    };

    private async Task<(HttpStatusCode Status, JsonElement Body)> CreateAsync(object terms, string user = "contracts.alphen")
    {
        using var client = await fixture.ClientForAsync(user);
        var response = await client.PostAsJsonAsync("/api/contracts/contracts", terms);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length > 0 ? JsonDocument.Parse(text).RootElement.Clone() : default);
    }

    private async Task<Guid> CreatedAsync(object terms)
    {
        var (status, body) = await CreateAsync(terms);
        Assert.Equal(HttpStatusCode.Created, status);
        return body.GetProperty("id").GetGuid();
    }

    [Fact]
    public async Task A_drafted_contract_has_its_notice_deadline_computed_from_the_end()
    {
        var (status, body) = await CreateAsync(Terms());

        Assert.Equal(HttpStatusCode.Created, status);
        Assert.Equal("draft", body.GetProperty("status").GetString());
        Assert.Equal("2028-06-30", body.GetProperty("noticeDeadline").GetString());
        Assert.Equal("GM0484", body.GetProperty("municipality").GetString());
    }

    [Fact]
    public async Task A_malus_under_a_subsidy_is_refused_and_allowed_under_an_agreement()
    {
        var (subsidy, body) = await CreateAsync(Terms(legalForm: "subsidy", hasMalus: true));
        var (agreement, _) = await CreateAsync(Terms(legalForm: "agreement", hasMalus: true));

        Assert.Equal(HttpStatusCode.BadRequest, subsidy);
        Assert.True(body.GetProperty("errors").TryGetProperty("hasMalus", out _));
        Assert.Equal(HttpStatusCode.Created, agreement);
    }

    [Fact]
    public async Task Extending_past_the_options_is_refused_and_each_extension_moves_the_end_and_notice_deadline()
    {
        var id = await CreatedAsync(Terms(extensionOptions: 1));
        using var client = await fixture.ClientForAsync("contracts.alphen");

        var first = await client.PostAsync($"/api/contracts/contracts/{id}/extensions", null);
        var second = await client.PostAsync($"/api/contracts/contracts/{id}/extensions", null);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var extended = await first.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("2029-12-31", extended.GetProperty("end").GetString());
        Assert.Equal("2029-06-30", extended.GetProperty("noticeDeadline").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, second.StatusCode);
        var errors = (await second.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("extensionOptions", out _));
    }

    [Fact]
    public async Task A_bsn_in_free_text_is_refused()
    {
        var (status, body) = await CreateAsync(Terms(notes: "Client 111222333 discussed"));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.True(body.GetProperty("errors").TryGetProperty("notes", out _));
    }

    [Fact]
    public async Task Another_municipality_neither_sees_nor_extends_the_contract()
    {
        var id = await CreatedAsync(Terms());
        using var kaag = await fixture.ClientForAsync("contracts.kaag");

        Assert.Equal(HttpStatusCode.NotFound, (await kaag.GetAsync($"/api/contracts/contracts/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await kaag.PostAsync($"/api/contracts/contracts/{id}/extensions", null)).StatusCode);
        var list = await kaag.GetFromJsonAsync<JsonElement>("/api/contracts/contracts");
        Assert.DoesNotContain(list.EnumerateArray(), c => c.GetProperty("id").GetGuid() == id);
    }

    [Fact]
    public async Task A_policy_advisor_reads_but_cannot_write()
    {
        var id = await CreatedAsync(Terms());
        using var advisor = await fixture.ClientForAsync("advisor.alphen");

        Assert.Equal(HttpStatusCode.OK, (await advisor.GetAsync($"/api/contracts/contracts/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await advisor.PostAsJsonAsync("/api/contracts/contracts", Terms())).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await advisor.PostAsync($"/api/contracts/contracts/{id}/extensions", null)).StatusCode);
    }

    [Fact]
    public async Task Every_change_is_kept_in_the_history_with_who_and_before_and_after()
    {
        var id = await CreatedAsync(Terms(extensionOptions: 2));
        using var client = await fixture.ClientForAsync("contracts.alphen");
        await client.PostAsync($"/api/contracts/contracts/{id}/extensions", null);

        var history = (await client.GetFromJsonAsync<JsonElement>($"/api/contracts/contracts/{id}/history")).EnumerateArray().ToList();

        Assert.Equal(["insert", "update"], history.Select(h => h.GetProperty("operation").GetString()));
        Assert.Equal([1, 2], history.Select(h => h.GetProperty("version").GetInt32()));
        Assert.Equal("2028-12-31", history[1].GetProperty("before").GetProperty("end_date").GetString());
        Assert.Equal("2029-12-31", history[1].GetProperty("after").GetProperty("end_date").GetString());
        Assert.All(history, h => Assert.False(string.IsNullOrEmpty(h.GetProperty("changedBy").GetString())));
    }

    [Fact]
    public async Task The_application_role_cannot_delete_or_rewrite_history_amendments_or_the_steering_record()
    {
        var canChange = await fixture.AsOwnerAsync<bool>(
            """
            SELECT has_table_privilege(current_database() || '_app', 'contract_history', 'DELETE')
                OR has_table_privilege(current_database() || '_app', 'contract_history', 'UPDATE')
                OR has_table_privilege(current_database() || '_app', 'contracts', 'DELETE')
                OR has_table_privilege(current_database() || '_app', 'amendments', 'DELETE')
                OR has_table_privilege(current_database() || '_app', 'steering_talks', 'DELETE')
                OR has_table_privilege(current_database() || '_app', 'agenda_items', 'DELETE')
                OR has_table_privilege(current_database() || '_app', 'actions', 'DELETE')
            """);

        Assert.False(canChange);
    }

    [Fact]
    public async Task Every_table_is_under_row_level_security()
    {
        var readable = await OwnerSql.TablesReadableWithoutRowSecurityAsync(fixture.DatabaseConnectionString);

        Assert.Empty(readable);
    }
}
