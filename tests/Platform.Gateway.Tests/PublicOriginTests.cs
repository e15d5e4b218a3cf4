using System.Net;
using Platform.Testing;

namespace Platform.Gateway.Tests;

/// <summary>The gateway behind a TLS-terminating proxy: its public address from configuration, forwarded headers from known proxies only.</summary>
public class PublicOriginTests(GatewayFixture fixture) : IClassFixture<GatewayFixture>
{
    private const string PublicHost = "platform.example.test";

    private async Task<GatewayProcess> GatewayAsync(IReadOnlyDictionary<string, string> settings)
    {
        var gateway = GatewayProcess.Prepare();
        await gateway.StartAsync(fixture.Issuer, new Dictionary<string, string>(settings)
        {
            ["services__populations__http__0"] = fixture.Service.ToString().TrimEnd('/'),
        });
        return gateway;
    }

    private static async Task<HttpResponseMessage> LoginAsync(GatewayProcess gateway, string host, string? forwardedProto = null)
    {
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false });
        var request = new HttpRequestMessage(HttpMethod.Get, new Uri(gateway.BaseAddress, "/login"));
        request.Headers.Host = host;
        if (forwardedProto is not null)
        {
            request.Headers.Add("X-Forwarded-Proto", forwardedProto);
        }

        var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return response;
    }

    private static string RedirectUri(HttpResponseMessage login) =>
        System.Web.HttpUtility.ParseQueryString(login.Headers.Location!.Query)["redirect_uri"]!;

    private static string LoginCookie(HttpResponseMessage login) =>
        Assert.Single(login.Headers.GetValues("Set-Cookie"), c => c.StartsWith("__platform_login=", StringComparison.Ordinal));

    [Fact]
    public async Task With_an_https_public_address_the_login_callback_ignores_the_host_header_and_cookies_are_secure()
    {
        await using var gateway = await GatewayAsync(new Dictionary<string, string> { ["Gateway__PublicBaseUrl"] = $"https://{PublicHost}" });

        using var login = await LoginAsync(gateway, "evil.example");

        Assert.Equal($"https://{PublicHost}/auth/callback", RedirectUri(login));
        Assert.Contains("secure", LoginCookie(login), StringComparison.OrdinalIgnoreCase);
        Assert.StartsWith("max-age=31536000", Assert.Single(login.Headers.GetValues("Strict-Transport-Security")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Forwarded_https_from_a_configured_proxy_makes_cookies_secure_and_sends_hsts()
    {
        await using var gateway = await GatewayAsync(new Dictionary<string, string> { ["Gateway__ForwardedHeaders__KnownProxies__0"] = "127.0.0.1" });

        using var login = await LoginAsync(gateway, PublicHost, forwardedProto: "https");

        Assert.Contains("secure", LoginCookie(login), StringComparison.OrdinalIgnoreCase);
        Assert.True(login.Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public async Task Forwarded_headers_from_anyone_else_are_ignored()
    {
        await using var gateway = await GatewayAsync(new Dictionary<string, string> { ["Gateway__ForwardedHeaders__KnownNetworks__0"] = "10.20.0.0/16" });

        using var login = await LoginAsync(gateway, PublicHost, forwardedProto: "https");

        Assert.DoesNotContain("secure", LoginCookie(login), StringComparison.OrdinalIgnoreCase);
        Assert.False(login.Headers.Contains("Strict-Transport-Security"));
        Assert.StartsWith("http://", RedirectUri(login), StringComparison.Ordinal);
    }
}
