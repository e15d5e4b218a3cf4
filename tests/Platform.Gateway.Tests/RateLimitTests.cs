using System.Net;
using System.Net.Http.Headers;
using Platform.Testing;

namespace Platform.Gateway.Tests;

public class RateLimitTests(GatewayFixture fixture) : IClassFixture<GatewayFixture>
{
    [Fact]
    public async Task A_user_over_the_limit_gets_429_while_a_colleague_and_another_tenant_are_served()
    {
        await using var gateway = await GatewayProcess.StartAsync(fixture.Issuer, fixture.Service, requestsPerMinute: 5);
        using var advisor = await ClientAsync(gateway, "advisor.alphen");
        using var colleague = await ClientAsync(gateway, "contracts.alphen");
        using var kaag = await ClientAsync(gateway, "advisor.kaag");

        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? last = null;
        for (var i = 0; i < 6; i++)
        {
            last = await advisor.GetAsync("/api/populations/whoami");
            statuses.Add(last.StatusCode);
        }

        Assert.Equal(Enumerable.Repeat(HttpStatusCode.OK, 5).Append(HttpStatusCode.TooManyRequests), statuses);
        Assert.True(last!.Headers.RetryAfter?.Delta > TimeSpan.Zero, "a 429 says when to retry");
        Assert.Equal(HttpStatusCode.OK, (await colleague.GetAsync("/api/populations/whoami")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await kaag.GetAsync("/api/populations/whoami")).StatusCode);
    }

    [Fact]
    public async Task A_municipality_over_its_budget_is_refused_for_every_user_while_another_is_served()
    {
        await using var gateway = await GatewayProcess.StartAsync(fixture.Issuer, fixture.Service, requestsPerMinute: 100, tenantRequestsPerMinute: 4);
        using var advisor = await ClientAsync(gateway, "advisor.alphen");
        using var colleague = await ClientAsync(gateway, "contracts.alphen");
        using var kaag = await ClientAsync(gateway, "advisor.kaag");

        for (var i = 0; i < 4; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await advisor.GetAsync("/api/populations/whoami")).StatusCode);
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, (await colleague.GetAsync("/api/populations/whoami")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await kaag.GetAsync("/api/populations/whoami")).StatusCode);
    }

    [Fact]
    public async Task A_grpc_caller_over_the_limit_gets_resource_exhausted_with_a_retry_delay()
    {
        await using var gateway = await GatewayProcess.StartAsync(fixture.Issuer, fixture.Service, requestsPerMinute: 2);
        var token = await fixture.Tokens.ClientCredentialsTokenAsync("provider-rijnland-jeugd", "provider-rijnland-jeugd-dev-secret");
        using var http = new HttpClient { BaseAddress = gateway.GrpcAddress };

        var statuses = new List<string?>();
        HttpResponseMessage? last = null;
        for (var i = 0; i < 3; i++)
        {
            last = await http.SendAsync(WhoAmI(token));
            await last.Content.ReadAsByteArrayAsync();
            statuses.Add(GrpcStatus(last));
        }

        Assert.Equal(["0", "0", "8"], statuses);
        Assert.Equal(HttpStatusCode.OK, last!.StatusCode);
        Assert.True(int.Parse(last.Headers.GetValues("grpc-retry-pushback-ms").Single(), System.Globalization.CultureInfo.InvariantCulture) > 0);
    }

    private async Task<HttpClient> ClientAsync(GatewayProcess gateway, string username)
    {
        var client = new HttpClient { BaseAddress = gateway.BaseAddress };
        client.DefaultRequestHeaders.Authorization = new("Bearer", await fixture.Tokens.PasswordTokenAsync(username));
        return client;
    }

    /// <summary>An empty WhoAmI request as it travels: one uncompressed frame of zero bytes.</summary>
    private static HttpRequestMessage WhoAmI(string token)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/platform.provider.v1.ProviderIdentity/WhoAmI")
        {
            Content = new ByteArrayContent(new byte[5]),
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/grpc");
        request.Headers.TryAddWithoutValidation("te", "trailers");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return request;
    }

    /// <summary>The status of a trailers-only answer is in the headers; of a full answer, in the trailers.</summary>
    private static string? GrpcStatus(HttpResponseMessage response) =>
        response.Headers.TryGetValues("grpc-status", out var inHeaders) ? inHeaders.Single()
        : response.TrailingHeaders.TryGetValues("grpc-status", out var inTrailers) ? inTrailers.Single()
        : null;
}
