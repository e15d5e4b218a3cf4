using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using static Platform.Populations.Tests.Service.PopulationRequests;

namespace Platform.Populations.Tests.Service;

/// <summary>Sending the current state again, for a service that joined after the events went out.</summary>
public sealed class ResendTests(PopulationsFixture fixture) : IClassFixture<PopulationsFixture>
{
    [Fact]
    public async Task An_administrator_resends_a_municipalitys_populations_responsibilities_and_figures()
    {
        await DemoAreas.SeedAsync(fixture);
        using var advisor = await fixture.ClientForAsync("advisor.alphen");
        var id = (await DefineAsync(advisor, Population("Opnieuw verstuurd", ["WK048401"], ageFrom: 18, validFrom: "2024-01-01"))).Id();
        await ActivateAsync(advisor, id);
        using var contracts = await fixture.ClientForAsync("contracts.alphen");
        using var assigned = await contracts.PostAsJsonAsync($"/api/populations/populations/{id}/responsibilities", new { providerId = "tom-in-de-buurt", validFrom = "2024-01-01" });
        Assert.Equal(HttpStatusCode.OK, assigned.StatusCode);

        using var admin = await fixture.ClientForAsync("admin");
        using var resent = await admin.PostAsync("/api/populations/events/resend?municipality=GM0484", null);
        using var refused = await advisor.PostAsync("/api/populations/events/resend", null);

        Assert.Equal(HttpStatusCode.OK, resent.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        var report = await resent.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(1, report.GetProperty("municipalities").GetInt32());
        Assert.True(report.GetProperty("populations").GetInt32() >= 1);
        Assert.True(report.GetProperty("responsibilities").GetInt32() >= 1);

        // The state event carries the population with its responsibility, in the same outbox as every other event.
        var body = await fixture.AsOwnerAsync<string>(
            "SELECT body::text FROM platform.outbox_messages WHERE message_type LIKE '%.PopulationsResent, %' ORDER BY sequence DESC LIMIT 1");
        var state = JsonDocument.Parse(body!).RootElement;
        Assert.Equal("GM0484", state.GetProperty("municipality").GetString());
        Assert.Contains(state.GetProperty("populations").EnumerateArray(), p => p.GetProperty("populationId").GetGuid() == id && p.GetProperty("status").GetString() == "active");
        Assert.Contains(state.GetProperty("responsibilities").EnumerateArray(), r => r.GetProperty("populationId").GetGuid() == id && r.GetProperty("providerId").GetString() == "tom-in-de-buurt");
    }
}
