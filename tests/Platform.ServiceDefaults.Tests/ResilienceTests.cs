using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Platform.ServiceDefaults.Resilience;
using Polly.CircuitBreaker;

namespace Platform.ServiceDefaults.Tests;

public sealed class ResilienceTests
{
    // Retries wait a millisecond instead of seconds; the behaviour under test is the same.
    private static readonly KeyValuePair<string, string?>[] FastRetries =
    [
        new("HttpResilience:Retry:BaseDelay", "00:00:00.001"),
        new("HttpResilience:Retry:MaxDelay", "00:00:00.010"),
    ];

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
    public async Task Post_is_not_retried_after_a_503()
    {
        var upstream = StubHandler.Always(HttpStatusCode.ServiceUnavailable);
        using var host = HostWith(upstream);

        using var response = await host.CreateClient("upstream").PostAsync("/orders", new StringContent("{}"));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(1, upstream.Attempts);
    }

    [Fact]
    public async Task Put_with_a_forward_only_body_sends_the_same_body_on_retry()
    {
        var upstream = new StubHandler((attempt, _) => Respond(attempt == 1 ? HttpStatusCode.BadGateway : HttpStatusCode.NoContent));
        using var host = HostWith(upstream);
        using var body = new StreamContent(new ForwardOnlyStream("population v2"u8.ToArray()));

        using var response = await host.CreateClient("upstream").PutAsync("/populations/1", body);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(["population v2", "population v2"], upstream.Bodies);
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
    public async Task Get_is_retried_when_an_attempt_times_out()
    {
        var upstream = new StubHandler(async (attempt, cancellation) =>
        {
            if (attempt == 1)
            {
                // Hangs until the attempt timeout cancels it.
                await Task.Delay(Timeout.Infinite, cancellation);
            }

            return new HttpResponseMessage(HttpStatusCode.OK);
        });
        using var host = HostWith(upstream, ("HttpResilience:AttemptTimeout", "00:00:00.200"));

        using var response = await host.CreateClient("upstream").GetAsync("/orders");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, upstream.Attempts);
    }

    [Fact]
    public async Task Too_many_requests_with_retry_after_is_retried()
    {
        var upstream = new StubHandler((attempt, _) =>
        {
            var response = new HttpResponseMessage(attempt == 1 ? HttpStatusCode.TooManyRequests : HttpStatusCode.OK);
            response.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.Zero);
            return Task.FromResult(response);
        });
        using var host = HostWith(upstream);

        using var response = await host.CreateClient("upstream").GetAsync("/orders");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, upstream.Attempts);
    }

    [Fact]
    public async Task Circuit_opens_after_repeated_failures_for_that_client_only()
    {
        var upstream = StubHandler.Always(HttpStatusCode.InternalServerError);
        using var host = HostWith(
            upstream,
            ("HttpResilience:Retry:MaxAttempts", "0"),
            ("HttpResilience:CircuitBreaker:MinimumThroughput", "2"),
            ("HttpResilience:CircuitBreaker:FailureRatio", "0.5"),
            ("HttpResilience:CircuitBreaker:BreakDuration", "00:01:00"));
        var client = host.CreateClient("upstream");

        (await client.GetAsync("/a")).Dispose();
        (await client.GetAsync("/b")).Dispose();
        await Assert.ThrowsAsync<BrokenCircuitException>(() => client.GetAsync("/c"));
        Assert.Equal(2, upstream.Attempts);

        // The same failing upstream behind another client name still gets called.
        (await host.CreateClient("other").GetAsync("/d")).Dispose();
        Assert.Equal(3, upstream.Attempts);
    }

    [Fact]
    public async Task Shared_section_and_per_client_overrides_set_the_number_of_retries()
    {
        var upstream = StubHandler.Always(HttpStatusCode.ServiceUnavailable);
        using var host = HostWith(
            upstream,
            ("HttpResilience:Retry:MaxAttempts", "1"),
            ("HttpResilience:Clients:other:Retry:MaxAttempts", "4"));

        (await host.CreateClient("upstream").GetAsync("/a")).Dispose();
        Assert.Equal(2, upstream.Attempts);

        (await host.CreateClient("other").GetAsync("/a")).Dispose();
        Assert.Equal(2 + 5, upstream.Attempts);
    }

    [Fact]
    public async Task A_client_can_turn_resilience_off()
    {
        var upstream = StubHandler.Always(HttpStatusCode.ServiceUnavailable);
        using var host = HostWith(upstream, ("HttpResilience:Clients:upstream:Enabled", "false"));

        (await host.CreateClient("upstream").GetAsync("/a")).Dispose();

        Assert.Equal(1, upstream.Attempts);
    }

    [Fact]
    public void Retry_after_is_read_as_seconds_or_as_a_date()
    {
        var now = new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);
        using var seconds = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        seconds.Headers.RetryAfter = new(TimeSpan.FromSeconds(7));
        using var date = new HttpResponseMessage(HttpStatusCode.ServiceUnavailable);
        date.Headers.RetryAfter = new(now.AddSeconds(3));
        using var past = new HttpResponseMessage(HttpStatusCode.ServiceUnavailable);
        past.Headers.RetryAfter = new(now.AddSeconds(-3));
        using var none = new HttpResponseMessage(HttpStatusCode.ServiceUnavailable);

        Assert.Equal(TimeSpan.FromSeconds(7), HttpTransientFailures.RetryAfter(seconds, now));
        Assert.Equal(TimeSpan.FromSeconds(3), HttpTransientFailures.RetryAfter(date, now));
        Assert.Equal(TimeSpan.Zero, HttpTransientFailures.RetryAfter(past, now));
        Assert.Null(HttpTransientFailures.RetryAfter(none, now));
    }

    private static IHost HostWith(StubHandler upstream, params (string Key, string Value)[] settings) =>
        ClientHost.Build([.. FastRetries, .. settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value))], services =>
        {
            services.AddHttpClient("upstream", c => c.BaseAddress = new Uri("http://upstream.test")).ConfigurePrimaryHttpMessageHandler(() => upstream);
            services.AddHttpClient("other", c => c.BaseAddress = new Uri("http://upstream.test")).ConfigurePrimaryHttpMessageHandler(() => upstream);
        });

    private static Task<HttpResponseMessage> Respond(HttpStatusCode status) => Task.FromResult(new HttpResponseMessage(status));

    /// <summary>A request body that can be read once, like a file or network stream.</summary>
    private sealed class ForwardOnlyStream(byte[] content) : MemoryStream(content)
    {
        public override bool CanSeek => false;
    }
}
