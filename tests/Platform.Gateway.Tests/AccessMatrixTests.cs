using System.Net;
using System.Net.Http.Json;

namespace Platform.Gateway.Tests;

/// <summary>Each role gets exactly the access it should, through the gateway and in the service behind it.</summary>
public class AccessMatrixTests(GatewayFixture fixture) : IClassFixture<GatewayFixture>
{
    public static TheoryData<string, string, HttpStatusCode> ReadCase => new()
    {
        // user, whose case, expected: another municipality's row does not exist for the caller.
        { "advisor.alphen", "GM0484", HttpStatusCode.OK },
        { "contracts.alphen", "GM0484", HttpStatusCode.OK },
        { "controller.alphen", "GM0484", HttpStatusCode.OK },
        { "auditor.alphen", "GM0484", HttpStatusCode.OK },
        { "advisor.alphen", "GM1884", HttpStatusCode.NotFound },
        { "auditor.alphen", "GM0569", HttpStatusCode.NotFound },
        { "advisor.kaag", "GM1884", HttpStatusCode.OK },
        { "advisor.kaag", "GM0484", HttpStatusCode.NotFound },
        { "advisor.nieuwkoop", "GM0569", HttpStatusCode.OK },
        { "coordinator.rijnland", "GM0484", HttpStatusCode.NotFound },
    };

    public static TheoryData<string, HttpStatusCode> CreateCase => new()
    {
        { "advisor.alphen", HttpStatusCode.Created },
        { "contracts.alphen", HttpStatusCode.Forbidden },
        { "controller.alphen", HttpStatusCode.Forbidden },
        { "auditor.alphen", HttpStatusCode.Forbidden },
        { "coordinator.rijnland", HttpStatusCode.Forbidden },
    };

    public static TheoryData<string, HttpStatusCode> RegionCounts => new()
    {
        { "coordinator.rijnland", HttpStatusCode.OK },
        { "advisor.alphen", HttpStatusCode.Forbidden },
        { "controller.kaag", HttpStatusCode.Forbidden },
    };

    [Theory]
    [MemberData(nameof(ReadCase))]
    public async Task Reading_a_case_is_limited_to_the_callers_municipality(string user, string owner, HttpStatusCode expected)
    {
        using var client = fixture.GatewayClient(await fixture.Tokens.PasswordTokenAsync(user));

        var response = await client.GetAsync($"/api/populations/cases/{fixture.CaseOf[owner]}");

        Assert.Equal(expected, response.StatusCode);
    }

    [Theory]
    [MemberData(nameof(CreateCase))]
    public async Task Only_a_policy_advisor_creates_cases(string user, HttpStatusCode expected)
    {
        using var client = fixture.GatewayClient(await fixture.Tokens.PasswordTokenAsync(user));

        var response = await client.PostAsJsonAsync("/api/populations/cases", new { title = $"new case by {user}" });

        Assert.Equal(expected, response.StatusCode);
    }

    [Theory]
    [MemberData(nameof(RegionCounts))]
    public async Task Only_a_regional_coordinator_reads_region_aggregates(string user, HttpStatusCode expected)
    {
        using var client = fixture.GatewayClient(await fixture.Tokens.PasswordTokenAsync(user));

        var response = await client.GetAsync("/api/populations/region/case-counts");

        Assert.Equal(expected, response.StatusCode);
        if (expected == HttpStatusCode.OK)
        {
            var counts = await response.Content.ReadFromJsonAsync<Dictionary<string, long>>();
            Assert.Equal(["GM0484", "GM0569", "GM1884"], counts!.Keys.Order());
        }
    }

    [Fact]
    public async Task A_provider_system_token_does_not_reach_the_staff_api()
    {
        var token = await fixture.Tokens.ClientCredentialsTokenAsync("provider-tom-in-de-buurt", "provider-tom-in-de-buurt-dev-secret");
        using var client = fixture.GatewayClient(token);

        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/populations/whoami")).StatusCode);
    }

    [Fact]
    public async Task The_service_itself_refuses_callers_the_gateway_would_have_refused()
    {
        var providerToken = await fixture.Tokens.ClientCredentialsTokenAsync("provider-tom-in-de-buurt", "provider-tom-in-de-buurt-dev-secret");
        using var direct = new HttpClient { BaseAddress = fixture.Service };
        using var withProviderToken = new HttpRequestMessage(HttpMethod.Get, "/api/populations/whoami") { Headers = { Authorization = new("Bearer", providerToken) } };
        using var withForgedHeaders = new HttpRequestMessage(HttpMethod.Get, "/api/populations/whoami") { Headers = { { "X-Municipality", "GM0484" }, { "X-Forwarded-User", "advisor.alphen" } } };

        Assert.Equal(HttpStatusCode.Forbidden, (await direct.SendAsync(withProviderToken)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await direct.SendAsync(withForgedHeaders)).StatusCode);
    }

    [Fact]
    public async Task The_forwarded_caller_is_the_one_the_token_names()
    {
        using var client = fixture.GatewayClient(await fixture.Tokens.PasswordTokenAsync("controller.kaag"));

        var caller = await client.GetFromJsonAsync<CallerView>("/api/populations/whoami");

        Assert.Equal("GM1884", caller!.Municipality);
        Assert.Contains("controller", caller.Roles);
        Assert.Null(caller.ProviderId);
    }

    private sealed record CallerView(string? Municipality, string Subject, IReadOnlyList<string> Roles, string? ProviderId, string? Region);
}
