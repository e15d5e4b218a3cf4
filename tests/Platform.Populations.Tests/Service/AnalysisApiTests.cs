using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using static Platform.Populations.Tests.Service.PopulationRequests;

namespace Platform.Populations.Tests.Service;

/// <summary>Overlap and gap analysis through the API and its events, on one municipality of its own database.</summary>
public sealed class AnalysisApiTests(PopulationsFixture fixture) : IClassFixture<PopulationsFixture>, IAsyncLifetime
{
    public Task InitializeAsync() => DemoAreas.SeedAsync(fixture);

    public Task DisposeAsync() => Task.CompletedTask;

    private Task<long> EventsAsync(string type, string? bodyContains = null) =>
        fixture.AsOwnerAsync<long>(
            "SELECT count(*) FROM platform.outbox_messages WHERE message_type LIKE '%.' || $1 || ',%' AND body::text LIKE '%' || $2 || '%'",
            type, bodyContains ?? "")!;

    [Fact]
    public async Task Overlaps_and_gaps_are_reported_exactly_and_published_only_when_they_change()
    {
        using var advisor = await fixture.ClientForAsync("advisor.alphen");
        var youth = (await DefineAsync(advisor, Population("Jeugd Alphen", ["GM0484"], 0, 17, ["Jeugdwet"]))).Id();
        var young = (await DefineAsync(advisor, Population("Jongeren Centrum", ["WK048401"], 12, 23, ["Jeugdwet"]))).Id();
        await ActivateAsync(advisor, youth);
        Assert.Equal(1, await EventsAsync("PopulationOverlapsChanged"));
        await ActivateAsync(advisor, young);

        var overlaps = (await advisor.GetFromJsonAsync<JsonElement[]>("/api/populations/analysis/overlaps"))!;
        var overlap = Assert.Single(overlaps);
        Assert.Equal(["WK048401"], overlap.GetProperty("areas").EnumerateArray().Select(a => a.GetString()));
        Assert.Equal(12, overlap.GetProperty("ageFrom").GetInt32());
        Assert.Equal(17, overlap.GetProperty("ageTo").GetInt32());
        Assert.Equal(2, await EventsAsync("PopulationOverlapsChanged"));

        // Under the Jeugdwet, 18+ is uncovered in Noord, and 24+ in Centrum (where the youth population reaches 23).
        var gaps = (await advisor.GetFromJsonAsync<JsonElement[]>("/api/populations/analysis/gaps?law=Jeugdwet&from=2026-01-01&to=2026-12-31"))!;
        Assert.Contains(gaps, g => g.GetProperty("areas")[0].GetString() == "WK048402" && g.GetProperty("ageFrom").GetInt32() == 18
            && g.GetProperty("ageTo").ValueKind == JsonValueKind.Null);
        Assert.Contains(gaps, g => g.GetProperty("areas")[0].GetString() == "WK048401" && g.GetProperty("ageFrom").GetInt32() == 24);
        Assert.DoesNotContain(gaps, g => g.GetProperty("ageFrom").GetInt32() < 18);

        // A population under another law moves no overlap: no new overlap event, but the Wmo gaps change.
        var wmoGapEvents = await EventsAsync("CoverageGapsChanged", "\"Wmo\"");
        var adults = (await DefineAsync(advisor, Population("Wmo Noord", ["WK048402"], 18, null, ["Wmo"]))).Id();
        await ActivateAsync(advisor, adults);
        Assert.Equal(2, await EventsAsync("PopulationOverlapsChanged"));
        Assert.Equal(wmoGapEvents + 1, await EventsAsync("CoverageGapsChanged", "\"Wmo\""));

        // Retiring the youth population ends the overlap.
        using var retired = await advisor.PostAsync($"/api/populations/populations/{youth}/retire", null);
        Assert.Equal(HttpStatusCode.OK, retired.StatusCode);
        Assert.Empty((await advisor.GetFromJsonAsync<JsonElement[]>("/api/populations/analysis/overlaps"))!);
        Assert.Equal(3, await EventsAsync("PopulationOverlapsChanged"));
    }

    [Fact]
    public async Task A_bad_law_or_window_is_a_validation_problem_and_another_municipality_sees_none_of_it()
    {
        using var advisor = await fixture.ClientForAsync("advisor.alphen");
        Assert.Equal(HttpStatusCode.BadRequest, (await advisor.GetAsync("/api/populations/analysis/gaps?law=Wlz")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await advisor.GetAsync("/api/populations/analysis/gaps?law=Wmo&from=2026-05-01&to=2026-01-01")).StatusCode);

        var id = (await DefineAsync(advisor, Population("Zichtbaar alleen in Alphen", ["GM0484"], 0, null, ["Participatiewet"]))).Id();
        await ActivateAsync(advisor, id);
        using var kaag = await fixture.ClientForAsync("advisor.kaag");
        Assert.Equal(HttpStatusCode.BadRequest, (await kaag.GetAsync("/api/populations/analysis/gaps?law=Participatiewet&municipality=GM0484")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await kaag.GetAsync("/api/populations/analysis/overlaps?municipality=GM0484")).StatusCode);

        // A regional coordinator analyses any municipality of the region.
        using var coordinator = await fixture.ClientForAsync("coordinator.rijnland");
        var regional = await coordinator.GetFromJsonAsync<JsonElement[]>("/api/populations/analysis/gaps?law=Participatiewet&municipality=GM0484&from=2026-01-01&to=2026-12-31");
        Assert.Empty(regional!);
        using var own = await advisor.GetAsync("/api/populations/analysis/gaps?law=Participatiewet&from=2026-01-01&to=2026-12-31");
        Assert.Empty((await own.Content.ReadFromJsonAsync<JsonElement[]>())!);
    }
}
