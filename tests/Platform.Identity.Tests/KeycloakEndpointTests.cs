using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Platform.Testing;

namespace Platform.Identity.Tests;

public sealed class KeycloakEndpointTests
{
    private static readonly HttpClient s_http = new();

    [Fact]
    public async Task Discovery_names_keycloaks_issuer_and_endpoint_paths()
    {
        var identity = await SharedInfrastructure.GetIdentityProviderAsync();
        var issuer = identity.Issuer.ToString();

        using var discovery = JsonDocument.Parse(await s_http.GetStringAsync(identity.DiscoveryDocument));
        var root = discovery.RootElement;

        Assert.Matches(@"^http://127\.0\.0\.1:\d+/realms/platform$", issuer);
        Assert.Equal(issuer, root.GetProperty("issuer").GetString());
        Assert.Equal($"{issuer}/protocol/openid-connect/auth", root.GetProperty("authorization_endpoint").GetString());
        Assert.Equal($"{issuer}/protocol/openid-connect/token", root.GetProperty("token_endpoint").GetString());
        Assert.Equal($"{issuer}/protocol/openid-connect/certs", root.GetProperty("jwks_uri").GetString());
        Assert.Equal($"{issuer}/protocol/openid-connect/userinfo", root.GetProperty("userinfo_endpoint").GetString());
        Assert.Equal($"{issuer}/protocol/openid-connect/logout", root.GetProperty("end_session_endpoint").GetString());
        Assert.Equal($"{issuer}/protocol/openid-connect/token/introspect", root.GetProperty("introspection_endpoint").GetString());
        Assert.Equal($"{issuer}/protocol/openid-connect/revoke", root.GetProperty("revocation_endpoint").GetString());
        Assert.Contains("S256", Jwt.Strings(root.GetProperty("code_challenge_methods_supported")));
        Assert.Contains("password", Jwt.Strings(root.GetProperty("grant_types_supported")));
    }

    [Fact]
    public async Task The_certs_endpoint_publishes_the_key_that_signs_the_tokens()
    {
        var identity = await SharedInfrastructure.GetIdentityProviderAsync();
        var token = await (await SharedInfrastructure.GetTokenClientAsync()).PasswordTokenAsync("admin");

        var keys = await Jwt.KeysAsync(identity);

        var key = Assert.Single(keys.Keys);
        Assert.Equal("RSA", key.Kty);
        Assert.Equal("sig", key.Use);
        Assert.Equal("RS256", key.Alg);
        Assert.Null(key.D); // the public half only
        Assert.Equal(key.Kid, Jwt.Header(token).GetProperty("kid").GetString());
        Assert.Equal("RS256", Jwt.Header(token).GetProperty("alg").GetString());
    }

    [Fact]
    public async Task Userinfo_answers_with_the_users_claims_for_an_access_token()
    {
        var identity = await SharedInfrastructure.GetIdentityProviderAsync();
        var token = await (await SharedInfrastructure.GetTokenClientAsync()).PasswordTokenAsync("controller.kaag");

        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri($"{identity.Issuer}/protocol/openid-connect/userinfo"));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await s_http.SendAsync(request);
        using var userinfo = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Jwt.Payload(token).GetProperty("sub").GetString(), userinfo.RootElement.GetProperty("sub").GetString());
        Assert.Equal("controller.kaag", userinfo.RootElement.GetProperty("preferred_username").GetString());
        Assert.Equal("GM1884", userinfo.RootElement.GetProperty("municipality").GetString());
    }

    [Fact]
    public async Task Userinfo_refuses_a_tampered_token()
    {
        var identity = await SharedInfrastructure.GetIdentityProviderAsync();
        var token = await (await SharedInfrastructure.GetTokenClientAsync()).PasswordTokenAsync("auditor.kaag");
        var parts = token.Split('.');
        var forged = $"{parts[0]}.{parts[1]}.{parts[2][..^4]}AAAA";

        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri($"{identity.Issuer}/protocol/openid-connect/userinfo"));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", forged);
        using var response = await s_http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
    }

    [Fact]
    public async Task Introspection_tells_a_confidential_client_that_a_token_is_active_with_its_claims()
    {
        var identity = await SharedInfrastructure.GetIdentityProviderAsync();
        var token = await (await SharedInfrastructure.GetTokenClientAsync()).PasswordTokenAsync("advisor.nieuwkoop");
        var introspect = new Uri($"{identity.Issuer}/protocol/openid-connect/token/introspect");

        using var active = await IntrospectAsync(introspect, token, TokenClient.DevelopmentSecret("provider-rijnland-jeugd"));
        using var wrongSecret = await s_http.PostAsync(introspect, new FormUrlEncodedContent(
            [new("token", token), new("client_id", "provider-rijnland-jeugd"), new("client_secret", "wrong")]));
        using var garbage = await IntrospectAsync(introspect, "not-a-token", TokenClient.DevelopmentSecret("provider-rijnland-jeugd"));

        Assert.True(active.RootElement.GetProperty("active").GetBoolean());
        Assert.Equal("GM0569", active.RootElement.GetProperty("municipality").GetString());
        Assert.Equal("advisor.nieuwkoop", active.RootElement.GetProperty("username").GetString());
        Assert.Equal(HttpStatusCode.Unauthorized, wrongSecret.StatusCode);
        Assert.False(garbage.RootElement.GetProperty("active").GetBoolean());
    }

    [Fact]
    public async Task Health_answers_once_ready()
    {
        var identity = await SharedInfrastructure.GetIdentityProviderAsync();

        using var response = await s_http.GetAsync(new Uri(identity.BaseAddress, "health"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(await identity.IsReadyAsync());
    }

    private static async Task<JsonDocument> IntrospectAsync(Uri introspect, string token, string secret)
    {
        using var response = await s_http.PostAsync(introspect, new FormUrlEncodedContent(
            [new("token", token), new("client_id", "provider-rijnland-jeugd"), new("client_secret", secret)]));
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync());
    }
}
