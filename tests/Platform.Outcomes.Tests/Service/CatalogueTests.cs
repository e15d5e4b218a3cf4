using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Platform.Outcomes.Tests.Service;

/// <summary>The indicator catalogue over REST: its contents, and who may read it.</summary>
public sealed class CatalogueTests(OutcomesFixture fixture) : IClassFixture<OutcomesFixture>
{
    [Theory]
    [InlineData("advisor.alphen")]
    [InlineData("controller.alphen")]
    [InlineData("auditor.alphen")]
    [InlineData("contracts.alphen")]
    public async Task Municipal_staff_read_every_indicator_with_its_definition_version(string user)
    {
        var client = await fixture.ClientForAsync(user);

        var indicators = await client.GetFromJsonAsync<JsonElement[]>("/api/outcomes/indicators");

        var codes = indicators!.Select(i => i.GetProperty("code").GetString()).ToHashSet();
        Assert.Contains("zrm-improved-or-stable", codes);
        Assert.Contains("zrm-no-domain-declines", codes);
        Assert.Contains("waiting-time-days", codes);
        Assert.Contains("client-satisfaction", codes);
        Assert.Contains("wmo-client-experience", codes);
        Assert.All(indicators!, i => Assert.True(i.GetProperty("version").GetInt32() >= 1));
    }

    [Fact]
    public async Task The_two_zrm_readings_are_separate_definitions()
    {
        var client = await fixture.ClientForAsync("advisor.alphen");

        var lenient = await client.GetFromJsonAsync<JsonElement[]>("/api/outcomes/indicators/zrm-improved-or-stable");
        var strict = await client.GetFromJsonAsync<JsonElement[]>("/api/outcomes/indicators/zrm-no-domain-declines");

        Assert.Equal("any-domain-improves-or-stable", lenient![0].GetProperty("reading").GetString());
        Assert.Equal("no-domain-declines", strict![0].GetProperty("reading").GetString());
        Assert.Equal(2, strict[0].GetProperty("minimumMeasurements").GetInt32());
    }

    [Fact]
    public async Task An_unknown_indicator_is_not_found()
    {
        var client = await fixture.ClientForAsync("advisor.alphen");

        var response = await client.GetAsync("/api/outcomes/indicators/no-such-indicator");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task A_regional_coordinator_without_a_municipality_is_refused()
    {
        var client = await fixture.ClientForAsync("coordinator.rijnland");

        var response = await client.GetAsync("/api/outcomes/indicators");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}
