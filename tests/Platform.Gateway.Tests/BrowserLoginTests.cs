using System.Net;
using System.Net.Http.Json;
using Platform.Testing;

namespace Platform.Gateway.Tests;

/// <summary>Browser login through the gateway over plain HTTP, end to end against the real identity provider.</summary>
public class BrowserLoginTests(GatewayFixture fixture) : IClassFixture<GatewayFixture>
{
    [Fact]
    public async Task A_browser_logs_in_calls_the_api_through_its_session_and_logs_out()
    {
        using var browser = new BrowserSession();

        var loginPage = await browser.FollowAsync(new Uri(fixture.Gateway, "/login?returnUrl=/auth/me"));
        Assert.Equal(fixture.Issuer.Authority, loginPage.RequestMessage!.RequestUri!.Authority);
        var me = await browser.LogInAsync(loginPage, "advisor.alphen");

        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        Assert.Equal(new Uri(fixture.Gateway, "/auth/me"), me.RequestMessage!.RequestUri);
        var user = await me.Content.ReadFromJsonAsync<CurrentUserView>();
        Assert.Equal("advisor.alphen", user!.Username);
        Assert.Equal("GM0484", user.Municipality);
        Assert.DoesNotContain(browser.Cookies.GetAllCookies(), c => c.Value.Split('.').Length == 3 && c.Value.StartsWith("eyJ", StringComparison.Ordinal));

        var home = await browser.SendAsync(new HttpRequestMessage(HttpMethod.Get, new Uri(fixture.Gateway, "/")));
        Assert.Contains("Signed in as <strong>advisor.alphen</strong>", await home.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // The gateway forwards the session's access token; the service sees the user.
        var read = await browser.SendAsync(new HttpRequestMessage(HttpMethod.Get, new Uri(fixture.Gateway, $"/api/populations/cases/{fixture.CaseOf["GM0484"]}")));
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);

        // A state-changing request on the cookie alone could be forged by another site.
        var forged = await browser.SendAsync(new HttpRequestMessage(HttpMethod.Post, new Uri(fixture.Gateway, "/api/populations/cases")) { Content = JsonContent.Create(new { title = "forged" }) });
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        var antiforgery = await (await browser.SendAsync(new HttpRequestMessage(HttpMethod.Get, new Uri(fixture.Gateway, "/auth/antiforgery")))).Content.ReadFromJsonAsync<AntiforgeryView>();
        var create = new HttpRequestMessage(HttpMethod.Post, new Uri(fixture.Gateway, "/api/populations/cases")) { Content = JsonContent.Create(new { title = "by the browser" }) };
        create.Headers.Add(antiforgery!.HeaderName, antiforgery.Token);
        Assert.Equal(HttpStatusCode.Created, (await browser.SendAsync(create)).StatusCode);

        var logout = new HttpRequestMessage(HttpMethod.Post, new Uri(fixture.Gateway, "/logout"));
        logout.Headers.Add(antiforgery.HeaderName, antiforgery.Token);
        var toIdentityProvider = await browser.SendAsync(logout);
        Assert.Equal(HttpStatusCode.Redirect, toIdentityProvider.StatusCode);
        Assert.StartsWith(fixture.Issuer.ToString(), toIdentityProvider.Headers.Location!.ToString(), StringComparison.Ordinal);
        var logoutPage = await browser.FollowAsync(toIdentityProvider.Headers.Location!);
        var loggedOut = await browser.SubmitFormAsync(logoutPage);
        Assert.Equal(new Uri(fixture.Gateway, "/"), loggedOut.RequestMessage!.RequestUri);
        Assert.Contains("You are not signed in", await loggedOut.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var afterLogout = await browser.SendAsync(new HttpRequestMessage(HttpMethod.Get, new Uri(fixture.Gateway, "/auth/me")));
        Assert.Equal(HttpStatusCode.Unauthorized, afterLogout.StatusCode);
        var loginAgain = await browser.FollowAsync(new Uri(fixture.Gateway, "/login"));
        Assert.Contains("<form", await loginAgain.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("https://evil.example/steal")]
    [InlineData("//evil.example/steal")]
    [InlineData("/\\evil.example")]
    public async Task A_return_url_to_another_host_is_refused(string returnUrl)
    {
        using var browser = new BrowserSession();

        var response = await browser.SendAsync(new HttpRequestMessage(HttpMethod.Get, new Uri(fixture.Gateway, $"/login?returnUrl={Uri.EscapeDataString(returnUrl)}")));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task A_callback_that_this_gateway_did_not_start_is_refused()
    {
        using var browser = new BrowserSession();

        var response = await browser.SendAsync(new HttpRequestMessage(HttpMethod.Get, new Uri(fixture.Gateway, "/auth/callback?code=stolen&state=guessed")));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task The_session_refreshes_its_access_token_before_it_expires()
    {
        // Tokens live 300 s; this gateway refreshes when less than 297 s are left, i.e. after about 3 s.
        await using var gateway = GatewayProcess.Prepare(refreshAheadSeconds: 297);
        await using var identityProvider = await PrivateServers.StartIdentityProviderAsync(gateway.BaseAddress);
        var infrastructure = await SharedInfrastructure.GetAsync();
        await using var service = await CasesService.StartAsync(
            infrastructure.PostgresOwnerConnectionString(infrastructure.NewDatabaseName("refresh")), identityProvider.Server.Issuer);
        await gateway.StartAsync(identityProvider.Server.Issuer, service.BaseAddress);
        using var browser = new BrowserSession();
        await browser.LogInAsync(await browser.FollowAsync(new Uri(gateway.BaseAddress, "/login?returnUrl=/auth/me")), "contracts.kaag");
        var whoami = new Uri(gateway.BaseAddress, "/api/populations/token");
        var first = await (await browser.SendAsync(new HttpRequestMessage(HttpMethod.Get, whoami))).Content.ReadFromJsonAsync<TokenView>();

        await Task.Delay(TimeSpan.FromSeconds(5));
        var refreshed = await browser.SendAsync(new HttpRequestMessage(HttpMethod.Get, whoami));
        var second = await (await browser.SendAsync(new HttpRequestMessage(HttpMethod.Get, whoami))).Content.ReadFromJsonAsync<TokenView>();

        Assert.Equal(HttpStatusCode.OK, refreshed.StatusCode);
        Assert.Contains(refreshed.Headers, h => h.Key == "Set-Cookie");
        Assert.True(second!.IssuedAt > first!.IssuedAt, "the service should see a newer access token after the refresh");
        Assert.Equal(first.Subject, second.Subject);
    }

    private sealed record CurrentUserView(string? Username, string? Municipality, string? Region, IReadOnlyList<string> Roles);

    private sealed record AntiforgeryView(string HeaderName, string Token);

    private sealed record TokenView(string Subject, long IssuedAt);
}
