using System.Diagnostics;
using System.Net.Http.Json;
using OpenTelemetry;

namespace Platform.Gateway.Tests;

/// <summary>
/// What the service behind the gateway receives of a request. W3C trace context comes along: the
/// service continues the caller's trace as a child of the gateway's span, not of the caller's.
/// What was meant for the gateway alone (its cookies, hop-by-hop headers) does not.
/// </summary>
public class ForwardingTests(GatewayFixture fixture) : IClassFixture<GatewayFixture>
{
    private const string TracePath = "/api/populations/trace";

    [Fact]
    public async Task The_service_continues_the_callers_trace_under_the_gateways_span()
    {
        var traceId = ActivityTraceId.CreateRandom().ToHexString();
        var callerSpanId = ActivitySpanId.CreateRandom().ToHexString();
        using var client = await CallerAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, TracePath);
        request.Headers.Add("traceparent", $"00-{traceId}-{callerSpanId}-01");
        request.Headers.Add("tracestate", "caller=alphen");

        var seen = await SendAsync(client, request);

        var received = TraceParent.Parse(seen.Traceparent);
        Assert.Equal(traceId, received.TraceId);
        Assert.NotEqual(callerSpanId, received.ParentSpanId);
        Assert.Equal("01", received.Flags); // the caller's sampling decision holds downstream
        Assert.Equal("caller=alphen", seen.Tracestate);
    }

    [Fact]
    public async Task A_request_without_trace_context_gets_a_new_trace_from_the_gateway()
    {
        using var client = await CallerAsync();

        using var first = new HttpRequestMessage(HttpMethod.Get, TracePath);
        var one = TraceParent.Parse((await SendAsync(client, first)).Traceparent);
        using var second = new HttpRequestMessage(HttpMethod.Get, TracePath);
        var other = TraceParent.Parse((await SendAsync(client, second)).Traceparent);

        Assert.NotEqual(one.TraceId, other.TraceId);
    }

    [Fact]
    public async Task The_gateway_keeps_cookies_and_hop_by_hop_headers_to_itself()
    {
        using var client = await CallerAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, TracePath);
        request.Headers.Add("Cookie", "__platform_session=anything; __platform_antiforgery=anything");
        request.Headers.Connection.Add("X-Hop-State");
        request.Headers.Add("X-Hop-State", "for the gateway only");
        request.Headers.Add("Keep-Alive", "timeout=5");
        request.Headers.Add("X-End-To-End", "for the service");

        var seen = await SendAsync(client, request);

        Assert.Contains("X-End-To-End", seen.Headers, StringComparer.OrdinalIgnoreCase);
        Assert.DoesNotContain("Cookie", seen.Headers, StringComparer.OrdinalIgnoreCase);
        Assert.DoesNotContain("Keep-Alive", seen.Headers, StringComparer.OrdinalIgnoreCase);
        Assert.DoesNotContain("X-Hop-State", seen.Headers, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>
    /// A caller whose own HttpClient writes no trace headers, so that the test's traceparent (or
    /// none) is what reaches the gateway.
    /// </summary>
    private async Task<HttpClient> CallerAsync()
    {
        var client = new HttpClient(new SocketsHttpHandler { ActivityHeadersPropagator = DistributedContextPropagator.CreateNoOutputPropagator() })
        {
            BaseAddress = fixture.Gateway,
        };
        client.DefaultRequestHeaders.Authorization = new("Bearer", await fixture.Tokens.PasswordTokenAsync("advisor.alphen"));
        return client;
    }

    private static async Task<TraceView> SendAsync(HttpClient client, HttpRequestMessage request)
    {
        // The in-process test service's HttpClient instrumentation would replace the caller's trace context with its own.
        using var suppressed = SuppressInstrumentationScope.Begin();
        using var response = await client.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<TraceView>())!;
    }

    private sealed record TraceView(string Traceparent, string Tracestate, string[] Headers);

    private sealed record TraceParent(string TraceId, string ParentSpanId, string Flags)
    {
        /// <summary>A version 00 traceparent, checked for its shape; all-zero ids are invalid.</summary>
        public static TraceParent Parse(string header)
        {
            Assert.Matches("^00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$", header);
            var parts = header.Split('-');
            Assert.NotEqual(new string('0', 32), parts[1]);
            Assert.NotEqual(new string('0', 16), parts[2]);
            return new TraceParent(parts[1], parts[2], parts[3]);
        }
    }
}
