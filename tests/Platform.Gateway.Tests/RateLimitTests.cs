using System.Net;
using Platform.Testing;

namespace Platform.Gateway.Tests;

public class RateLimitTests(GatewayFixture fixture) : IClassFixture<GatewayFixture>
{
    [Fact]
    public async Task A_tenant_over_its_limit_gets_429_while_another_tenant_is_served()
    {
        await using var gateway = await GatewayProcess.StartAsync(fixture.Issuer, fixture.Service, requestsPerMinute: 5);
        using var alphen = new HttpClient { BaseAddress = gateway.BaseAddress };
        alphen.DefaultRequestHeaders.Authorization = new("Bearer", await fixture.Tokens.PasswordTokenAsync("advisor.alphen"));
        using var kaag = new HttpClient { BaseAddress = gateway.BaseAddress };
        kaag.DefaultRequestHeaders.Authorization = new("Bearer", await fixture.Tokens.PasswordTokenAsync("advisor.kaag"));

        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? last = null;
        for (var i = 0; i < 6; i++)
        {
            last = await alphen.GetAsync("/api/populations/whoami");
            statuses.Add(last.StatusCode);
        }

        Assert.Equal(Enumerable.Repeat(HttpStatusCode.OK, 5).Append(HttpStatusCode.TooManyRequests), statuses);
        Assert.True(last!.Headers.RetryAfter?.Delta > TimeSpan.Zero, "a 429 says when to retry");
        Assert.Equal(HttpStatusCode.OK, (await kaag.GetAsync("/api/populations/whoami")).StatusCode);
    }
}
