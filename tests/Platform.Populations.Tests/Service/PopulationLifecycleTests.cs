using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using static Platform.Populations.Tests.Service.PopulationRequests;

namespace Platform.Populations.Tests.Service;

public sealed class PopulationLifecycleTests(PopulationsFixture fixture) : IClassFixture<PopulationsFixture>, IAsyncLifetime
{
    public Task InitializeAsync() => DemoAreas.SeedAsync(fixture);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_policy_advisor_defines_changes_activates_and_retires_a_population_and_every_step_is_history()
    {
        using var advisor = await fixture.ClientForAsync("advisor.alphen");
        var defined = await DefineAsync(advisor, Population("Centrum 18+", ["WK048401"], ageFrom: 18));
        Assert.Equal("draft", defined.GetProperty("status").GetString());
        Assert.Equal(1, defined.GetProperty("version").GetInt32());
        var id = defined.Id();

        using var changed = await advisor.PutAsJsonAsync($"/api/populations/populations/{id}",
            Population("Centrum volwassenen", ["WK048401"], ageFrom: 18, expectedVersion: 1));
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        await ActivateAsync(advisor, id);
        using var retired = await advisor.PostAsync($"/api/populations/populations/{id}/retire", null);
        Assert.Equal(HttpStatusCode.OK, retired.StatusCode);

        var history = (await advisor.GetFromJsonAsync<JsonElement[]>($"/api/populations/populations/{id}/history"))!;
        Assert.Equal(["insert", "update", "update", "update"], history.Select(h => h.GetProperty("operation").GetString()));
        Assert.Equal(["name"], history[1].GetProperty("changedFields").EnumerateArray().Select(f => f.GetString()));
        Assert.Equal("Centrum 18+", history[1].GetProperty("before").GetProperty("name").GetString());
        Assert.Contains("status", history[3].GetProperty("changedFields").EnumerateArray().Select(f => f.GetString()));
        var advisorSubject = await fixture.AsOwnerAsync<string>("SELECT updated_by FROM populations WHERE id = $1", id);
        Assert.All(history, h => Assert.Equal(advisorSubject, h.GetProperty("changedBy").GetString()));
        Assert.DoesNotContain("system", advisorSubject!);
    }

    [Fact]
    public async Task A_retired_population_cannot_change_and_a_stale_version_is_a_conflict()
    {
        using var advisor = await fixture.ClientForAsync("advisor.alphen");
        var id = (await DefineAsync(advisor, Population("Noord", ["WK048402"]))).Id();

        using var stale = await advisor.PutAsJsonAsync($"/api/populations/populations/{id}", Population("Noord", ["WK048402"], expectedVersion: 7));
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal("application/problem+json", stale.Content.Headers.ContentType?.MediaType);

        using var retired = await advisor.PostAsync($"/api/populations/populations/{id}/retire", null);
        Assert.Equal(HttpStatusCode.OK, retired.StatusCode);
        using var again = await advisor.PutAsJsonAsync($"/api/populations/populations/{id}", Population("Noord weer", ["WK048402"]));
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        using var reactivate = await advisor.PostAsync($"/api/populations/populations/{id}/activate", null);
        Assert.Equal(HttpStatusCode.Conflict, reactivate.StatusCode);
        Assert.Equal("Noord", (await advisor.GetFromJsonAsync<JsonElement>($"/api/populations/populations/{id}")).GetProperty("name").GetString());
    }

    [Fact]
    public async Task Invalid_input_is_answered_with_every_field_that_is_wrong_and_nothing_is_stored()
    {
        using var advisor = await fixture.ClientForAsync("advisor.alphen");
        var before = await fixture.AsOwnerAsync<long>("SELECT count(*) FROM populations");

        using var response = await advisor.PostAsJsonAsync("/api/populations/populations", new
        {
            name = "",
            areas = new[] { "BU18840101", "XX123", "WK048499" },
            ageFrom = 30,
            ageTo = 20,
            laws = new[] { "Wlz" },
            validFrom = "2025-06-01",
            validTo = "2025-01-01",
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        var fields = errors.EnumerateObject().Select(p => p.Name).Order().ToList();
        Assert.Equal(["ageTo", "areas[0]", "areas[1]", "laws[0]", "name", "validTo"], fields);
        Assert.Contains("GM1884", errors.GetProperty("areas[0]")[0].GetString());
        Assert.Equal(before, await fixture.AsOwnerAsync<long>("SELECT count(*) FROM populations"));
    }

    [Fact]
    public async Task An_area_that_was_never_imported_is_refused()
    {
        using var advisor = await fixture.ClientForAsync("advisor.alphen");
        using var response = await advisor.PostAsJsonAsync("/api/populations/populations", Population("Onbekend", ["WK048499"]));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("WK048499", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Defining_a_population_puts_its_event_in_the_outbox_in_the_same_transaction()
    {
        using var advisor = await fixture.ClientForAsync("advisor.alphen");
        var id = (await DefineAsync(advisor, Population("Outbox check", ["BU04840101"]))).Id();
        var events = await fixture.AsOwnerAsync<long>(
            "SELECT count(*) FROM platform.outbox_messages WHERE message_type LIKE '%PopulationDefined%' AND body::text LIKE '%' || $1 || '%'",
            id.ToString());
        Assert.Equal(1, events);
    }
}
