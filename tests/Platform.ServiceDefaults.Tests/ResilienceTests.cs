using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Platform.ServiceDefaults.Tests;

/// <summary>The standard resilience handler as every factory client gets it (its first retry waits about two seconds).</summary>
public sealed class ResilienceTests
{
    [Fact]
    public async Task Get_is_retried_after_a_503_and_then_succeeds()
    {
        var upstream = new StubHandler((attempt, _) => Respond(attempt == 1 ? HttpStatusCode.ServiceUnavailable : HttpStatusCode.OK));
        using var host = HostWith(upstream);

        using var response = await host.CreateClient("upstream").GetAsync("/orders");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, upstream.Attempts);
    }

    [Fact]
    public async Task Get_is_retried_after_a_connection_failure()
    {
        var upstream = new StubHandler((attempt, _) => attempt == 1
            ? throw new HttpRequestException("connection refused")
            : Respond(HttpStatusCode.OK));
        using var host = HostWith(upstream);

        using var response = await host.CreateClient("upstream").GetAsync("/orders");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, upstream.Attempts);
    }

    [Fact]
    public async Task Post_is_not_retried_after_a_503()
    {
        var upstream = StubHandler.Always(HttpStatusCode.ServiceUnavailable);
        using var host = HostWith(upstream);

        using var response = await host.CreateClient("upstream").PostAsync("/orders", new StringContent("{}"));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(1, upstream.Attempts);
    }

    private static IHost HostWith(StubHandler upstream) =>
        ClientHost.Build([], services => services
            .AddHttpClient("upstream", c => c.BaseAddress = new Uri("http://upstream.test"))
            .ConfigurePrimaryHttpMessageHandler(() => upstream));

    private static Task<HttpResponseMessage> Respond(HttpStatusCode status) => Task.FromResult(new HttpResponseMessage(status));
}
