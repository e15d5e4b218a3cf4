using System.Net;
using System.Security.Cryptography;
using System.Text;
using Platform.LocalInfrastructure;
using Platform.Testing;

namespace Platform.Identity.Tests;

/// <summary>The gateway's browser sign-in: authorization code with PKCE, the login form, and logout.</summary>
public sealed class BrowserSignInTests
{
    private const string Callback = "http://localhost:8080/auth/callback";

    [Fact]
    public async Task A_user_signs_in_with_code_and_pkce_and_the_gateway_gets_keycloak_shaped_tokens()
    {
        var identity = await SharedInfrastructure.GetIdentityProviderAsync();
        using var browser = new Browser();
        var pkce = Pkce.New();

        var callback = await SignInAsync(browser, identity, pkce, "contracts.nieuwkoop", state: "state-1", nonce: "nonce-1");
        var tokens = await ExchangeAsync(identity, callback.Query("code")!, pkce.Verifier);

        Assert.Equal("state-1", callback.Query("state"));
        Assert.Equal(identity.Issuer.ToString(), callback.Query("iss"));
        tokens.EnsureSuccess();
        Assert.True((await Jwt.ValidateAsync(identity, tokens.AccessToken!)).IsValid);
        var access = Jwt.Payload(tokens.AccessToken!);
        Assert.Equal("platform-gateway", access.GetProperty("azp").GetString());
        Assert.Equal("contracts.nieuwkoop", access.GetProperty("preferred_username").GetString());
        Assert.Equal("GM0569", access.GetProperty("municipality").GetString());
        Assert.Contains("contract-manager", Jwt.Strings(access.GetProperty("realm_access").GetProperty("roles")));
        var id = Jwt.Payload(tokens.IdToken!);
        Assert.True((await Jwt.ValidateAsync(identity, tokens.IdToken!, audience: "platform-gateway")).IsValid);
        Assert.Equal("nonce-1", id.GetProperty("nonce").GetString());
        Assert.Equal(access.GetProperty("sid").GetString(), id.GetProperty("sid").GetString());
        Assert.Equal("GM0569", id.GetProperty("municipality").GetString());
        Assert.NotNull(tokens.RefreshToken);
    }

    [Fact]
    public async Task A_wrong_password_shows_the_form_again_with_an_error()
    {
        var identity = await SharedInfrastructure.GetIdentityProviderAsync();
        using var browser = new Browser();

        var login = await OpenLoginAsync(browser, identity, Pkce.New());
        var again = await browser.SubmitAsync(login, "kc-form-login", ("username", "advisor.kaag"), ("password", "wrong"));

        Assert.Equal(HttpStatusCode.OK, again.Status);
        Assert.Contains("Invalid username or password.", again.Html);
        Assert.Contains("id=\"kc-form-login\"", again.Html);
        Assert.Contains("value=\"advisor.kaag\"", again.Html);
    }

    [Fact]
    public async Task A_code_does_not_exchange_with_a_wrong_code_verifier()
    {
        var identity = await SharedInfrastructure.GetIdentityProviderAsync();
        using var browser = new Browser();
        var pkce = Pkce.New();
        var callback = await SignInAsync(browser, identity, pkce, "advisor.alphen");

        var response = await ExchangeAsync(identity, callback.Query("code")!, Pkce.New().Verifier);

        Assert.Equal("invalid_grant", response.Error);
        Assert.Null(response.AccessToken);
    }

    [Fact]
    public async Task A_sign_in_without_pkce_is_refused_to_the_gateway()
    {
        var identity = await SharedInfrastructure.GetIdentityProviderAsync();
        using var browser = new Browser();

        var page = await browser.GetAsync(AuthorizeUri(identity, null, Callback));

        Assert.StartsWith(Callback, page.Location!.ToString());
        Assert.Equal("invalid_request", page.Query("error"));
    }

    [Theory]
    [InlineData("http://evil.example/auth/callback")]
    [InlineData("http://localhost:8080/auth/callback/../../steal")]
    [InlineData("http://localhost:8081/auth/callback")]
    public async Task An_unregistered_redirect_uri_is_refused_without_redirecting(string redirectUri)
    {
        var identity = await SharedInfrastructure.GetIdentityProviderAsync();
        using var browser = new Browser();

        var page = await browser.GetAsync(AuthorizeUri(identity, Pkce.New(), redirectUri));

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Null(page.Location);
        Assert.Contains("redirect_uri", page.Html);
    }

    [Fact]
    public async Task Signing_in_again_in_the_same_browser_needs_no_password()
    {
        var identity = await SharedInfrastructure.GetIdentityProviderAsync();
        using var browser = new Browser();
        await SignInAsync(browser, identity, Pkce.New(), "auditor.nieuwkoop");

        var page = await FollowAsync(browser, AuthorizeUri(identity, Pkce.New(), Callback));

        Assert.NotNull(page.Query("code"));
    }

    [Fact]
    public async Task Logout_ends_the_session_and_redirects_to_the_gateway()
    {
        var identity = await SharedInfrastructure.GetIdentityProviderAsync();
        using var browser = new Browser();
        var pkce = Pkce.New();
        var callback = await SignInAsync(browser, identity, pkce, "controller.alphen");
        var tokens = (await ExchangeAsync(identity, callback.Query("code")!, pkce.Verifier)).EnsureSuccess();

        var logout = await browser.GetAsync(new Uri(
            $"{identity.Issuer}/protocol/openid-connect/logout?id_token_hint={tokens.IdToken}" +
            $"&post_logout_redirect_uri={Uri.EscapeDataString("http://localhost:8080/")}&client_id=platform-gateway&state=bye"));
        var done = await browser.SubmitAsync(logout, "op.logoutForm");

        Assert.Equal("http://localhost:8080/?state=bye", done.Location!.ToString());
        var refresh = await new TokenClient(identity.Issuer).RefreshAsync(
            tokens.RefreshToken!, "platform-gateway", TokenClient.DevelopmentSecret("platform-gateway"));
        Assert.Equal("invalid_grant", refresh.Error);
        var signInAgain = await browser.GetAsync(AuthorizeUri(identity, Pkce.New(), Callback));
        Assert.Contains("/login-actions/", signInAgain.Location!.ToString());
    }

    [Fact]
    public async Task Logout_refuses_an_unregistered_post_logout_redirect_uri()
    {
        var identity = await SharedInfrastructure.GetIdentityProviderAsync();
        using var browser = new Browser();

        var page = await browser.GetAsync(new Uri(
            $"{identity.Issuer}/protocol/openid-connect/logout?client_id=platform-gateway&post_logout_redirect_uri={Uri.EscapeDataString("http://evil.example/")}"));

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Null(page.Location);
    }

    internal static async Task<Page> SignInAsync(
        Browser browser, IdentityProviderServer identity, Pkce pkce, string username, string state = "s", string nonce = "n",
        string redirectUri = Callback)
    {
        var login = await OpenLoginAsync(browser, identity, pkce, state, nonce, redirectUri);
        var afterLogin = await browser.SubmitAsync(login, "kc-form-login", ("username", username), ("password", TokenClient.DemoPassword));
        Assert.Equal(HttpStatusCode.SeeOther, afterLogin.Status);
        var callback = await FollowAsync(browser, afterLogin.Location!);
        Assert.StartsWith(redirectUri, callback.Location!.ToString());
        Assert.NotNull(callback.Query("code"));
        return callback;
    }

    internal static async Task<TokenResponse> ExchangeAsync(IdentityProviderServer identity, string code, string verifier, string redirectUri = Callback) =>
        await new TokenClient(identity.Issuer).RequestAsync(
            [new("grant_type", "authorization_code"), new("code", code), new("redirect_uri", redirectUri), new("code_verifier", verifier)],
            "platform-gateway",
            TokenClient.DevelopmentSecret("platform-gateway"));

    internal static Uri AuthorizeUri(IdentityProviderServer identity, Pkce? pkce, string redirectUri, string state = "s", string nonce = "n") =>
        new($"{identity.Issuer}/protocol/openid-connect/auth?client_id=platform-gateway&response_type=code&scope=openid" +
            $"&redirect_uri={Uri.EscapeDataString(redirectUri)}&state={state}&nonce={nonce}" +
            (pkce is null ? "" : $"&code_challenge={pkce.Challenge}&code_challenge_method=S256"));

    private static async Task<Page> OpenLoginAsync(
        Browser browser, IdentityProviderServer identity, Pkce pkce, string state = "s", string nonce = "n", string redirectUri = Callback)
    {
        var authorize = await browser.GetAsync(AuthorizeUri(identity, pkce, redirectUri, state, nonce));
        Assert.Equal(HttpStatusCode.SeeOther, authorize.Status);
        var login = await browser.GetAsync(authorize.Location!);
        Assert.Equal(HttpStatusCode.OK, login.Status);
        return login;
    }

    /// <summary>Follows the identity provider's own redirects and stops at the first one that leaves it.</summary>
    private static async Task<Page> FollowAsync(Browser browser, Uri uri)
    {
        var page = await browser.GetAsync(uri);
        while (page.Location is { } next && next.Authority == uri.Authority)
        {
            page = await browser.GetAsync(next);
        }
        return page;
    }
}

/// <summary>A PKCE verifier and its S256 challenge.</summary>
internal sealed record Pkce(string Verifier, string Challenge)
{
    public static Pkce New()
    {
        var verifier = Base64Url(RandomNumberGenerator.GetBytes(32));
        return new Pkce(verifier, Base64Url(SHA256.HashData(Encoding.ASCII.GetBytes(verifier))));
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

public sealed class CookieContainerSignInTests
{
    [Fact]
    public async Task A_client_with_an_ordinary_cookie_container_signs_in_too()
    {
        var identity = await SharedInfrastructure.GetIdentityProviderAsync();
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() });
        var pkce = Pkce.New();

        using var authorize = await http.GetAsync(BrowserSignInTests.AuthorizeUri(identity, pkce, "http://localhost:8080/auth/callback"));
        var loginUri = new Uri(authorize.RequestMessage!.RequestUri!, authorize.Headers.Location!);
        var html = await http.GetStringAsync(loginUri);
        var action = new Uri(loginUri, System.Text.RegularExpressions.Regex.Match(html, "action=\"([^\"]+)\"").Groups[1].Value);
        using var login = await http.PostAsync(action, new FormUrlEncodedContent([new("username", "admin"), new("password", "demo")]));
        using var resume = await http.GetAsync(new Uri(action, login.Headers.Location!));

        Assert.Contains("code=", resume.Headers.Location!.ToString());
    }
}
