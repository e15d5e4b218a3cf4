using System.Net;
using Platform.Testing;

namespace Platform.Identity.Tests;

/// <summary>The token endpoint's grants, with Keycloak's claim shape and error codes.</summary>
public sealed class TokenEndpointTests
{
    [Fact]
    public async Task A_password_grant_gives_an_access_token_in_keycloaks_shape()
    {
        var identity = await SharedInfrastructure.GetIdentityProviderAsync();
        var tokens = await SharedInfrastructure.GetTokenClientAsync();

        var response = (await tokens.PasswordAsync("advisor.alphen")).EnsureSuccess();
        var claims = Jwt.Payload(response.AccessToken!);
        var validation = await Jwt.ValidateAsync(identity, response.AccessToken!);

        Assert.True(validation.IsValid, validation.Exception?.Message);
        Assert.Equal("JWT", Jwt.Header(response.AccessToken!).GetProperty("typ").GetString());
        Assert.Equal(identity.Issuer.ToString(), claims.GetProperty("iss").GetString());
        Assert.Contains("platform-api", Jwt.Strings(claims.GetProperty("aud")));
        Assert.Equal("Bearer", claims.GetProperty("typ").GetString());
        Assert.Equal("platform-cli", claims.GetProperty("azp").GetString());
        Assert.Equal("d9dea78d-f515-45c4-b7c5-4276de852467", claims.GetProperty("sub").GetString()); // the id in the realm file
        Assert.Equal("advisor.alphen", claims.GetProperty("preferred_username").GetString());
        Assert.Equal("advisor.alphen@demo.example", claims.GetProperty("email").GetString());
        Assert.Equal("GM0484", claims.GetProperty("municipality").GetString());
        Assert.False(claims.TryGetProperty("region", out _));
        Assert.False(claims.TryGetProperty("provider_id", out _));
        Assert.False(string.IsNullOrEmpty(claims.GetProperty("jti").GetString()));
        Assert.False(string.IsNullOrEmpty(claims.GetProperty("sid").GetString()));
        Assert.Contains("profile", claims.GetProperty("scope").GetString()!.Split(' '));
        Assert.Equal(
            new HashSet<string> { "default-roles-platform", "offline_access", "uma_authorization", "policy-advisor" },
            Jwt.Strings(claims.GetProperty("realm_access").GetProperty("roles")).ToHashSet());
        Assert.Equal(300, claims.GetProperty("exp").GetInt64() - claims.GetProperty("iat").GetInt64());
        Assert.Equal(300, response.ExpiresIn);
        Assert.NotNull(response.RefreshToken);
    }

    [Fact]
    public async Task The_coordinator_carries_the_region_and_no_municipality()
    {
        var tokens = await SharedInfrastructure.GetTokenClientAsync();

        var claims = Jwt.Payload(await tokens.PasswordTokenAsync("coordinator.rijnland"));

        Assert.Equal("holland-rijnland", claims.GetProperty("region").GetString());
        Assert.False(claims.TryGetProperty("municipality", out _));
        Assert.Contains("region-coordinator", Jwt.Strings(claims.GetProperty("realm_access").GetProperty("roles")));
    }

    [Fact]
    public async Task Asking_for_openid_adds_an_id_token_for_the_cli_client()
    {
        var tokens = await SharedInfrastructure.GetTokenClientAsync();

        var response = (await tokens.PasswordAsync("contracts.kaag", scope: "openid")).EnsureSuccess();
        var idToken = Jwt.Payload(response.IdToken!);

        Assert.Equal("ID", idToken.GetProperty("typ").GetString());
        Assert.Equal("platform-cli", idToken.GetProperty("aud").GetString());
        Assert.Equal("GM1884", idToken.GetProperty("municipality").GetString());
        Assert.Equal(Jwt.Payload(response.AccessToken!).GetProperty("sid").GetString(), idToken.GetProperty("sid").GetString());
        Assert.Contains("openid", response.Scope!.Split(' '));
    }

    [Fact]
    public async Task A_wrong_password_is_an_invalid_grant()
    {
        var tokens = await SharedInfrastructure.GetTokenClientAsync();

        var response = await tokens.PasswordAsync("advisor.alphen", "not-the-password");

        Assert.Equal("invalid_grant", response.Error);
        Assert.Null(response.AccessToken);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task An_unknown_user_is_an_invalid_grant_too()
    {
        var tokens = await SharedInfrastructure.GetTokenClientAsync();

        Assert.Equal("invalid_grant", (await tokens.PasswordAsync("nobody.alphen")).Error);
    }

    [Fact]
    public async Task The_gateway_may_not_use_the_password_grant()
    {
        var tokens = await SharedInfrastructure.GetTokenClientAsync();

        var response = await tokens.PasswordAsync(
            "advisor.alphen", clientId: "platform-gateway", clientSecret: TokenClient.DevelopmentSecret("platform-gateway"));

        Assert.Equal("unauthorized_client", response.Error);
    }

    [Theory]
    [InlineData("provider-tom-in-de-buurt", "tom-in-de-buurt")]
    [InlineData("provider-rijnland-jeugd", "rijnland-jeugd")]
    [InlineData("provider-nieuwkoop-samen", "nieuwkoop-samen")]
    public async Task A_provider_system_gets_a_token_with_its_provider_id_and_no_municipality(string clientId, string providerId)
    {
        var identity = await SharedInfrastructure.GetIdentityProviderAsync();
        var tokens = await SharedInfrastructure.GetTokenClientAsync();

        var response = (await tokens.ClientCredentialsAsync(clientId, TokenClient.DevelopmentSecret(clientId))).EnsureSuccess();
        var claims = Jwt.Payload(response.AccessToken!);

        Assert.True((await Jwt.ValidateAsync(identity, response.AccessToken!)).IsValid);
        Assert.Equal(providerId, claims.GetProperty("provider_id").GetString());
        Assert.Contains("provider-system", Jwt.Strings(claims.GetProperty("realm_access").GetProperty("roles")));
        Assert.False(claims.TryGetProperty("municipality", out _));
        Assert.False(claims.TryGetProperty("region", out _));
        Assert.Equal($"service-account-{clientId}", claims.GetProperty("preferred_username").GetString());
        Assert.Equal(clientId, claims.GetProperty("client_id").GetString());
        Assert.Equal(clientId, claims.GetProperty("azp").GetString());
        Assert.Contains("platform-api", Jwt.Strings(claims.GetProperty("aud")));
        Assert.Null(response.RefreshToken); // Keycloak gives client credentials no refresh token
    }

    [Fact]
    public async Task A_wrong_client_secret_is_an_invalid_client()
    {
        var tokens = await SharedInfrastructure.GetTokenClientAsync();

        var response = await tokens.ClientCredentialsAsync("provider-tom-in-de-buurt", "provider-rijnland-jeugd-dev-secret");

        Assert.Equal("invalid_client", response.Error);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task A_refresh_token_gives_a_new_access_token_for_the_same_user()
    {
        var tokens = await SharedInfrastructure.GetTokenClientAsync();
        var first = (await tokens.PasswordAsync("auditor.alphen")).EnsureSuccess();

        var refreshed = (await tokens.RefreshAsync(first.RefreshToken!)).EnsureSuccess();
        var before = Jwt.Payload(first.AccessToken!);
        var after = Jwt.Payload(refreshed.AccessToken!);

        Assert.NotEqual(before.GetProperty("jti").GetString(), after.GetProperty("jti").GetString());
        Assert.Equal(before.GetProperty("sub").GetString(), after.GetProperty("sub").GetString());
        Assert.Equal(before.GetProperty("sid").GetString(), after.GetProperty("sid").GetString());
        Assert.Equal("GM0484", after.GetProperty("municipality").GetString());
        Assert.Contains("auditor", Jwt.Strings(after.GetProperty("realm_access").GetProperty("roles")));
    }

    [Fact]
    public async Task A_revoked_refresh_token_no_longer_refreshes()
    {
        var identity = await SharedInfrastructure.GetIdentityProviderAsync();
        var tokens = await SharedInfrastructure.GetTokenClientAsync();
        var first = (await tokens.PasswordAsync("contracts.alphen")).EnsureSuccess();

        using var http = new HttpClient();
        using var revoke = await http.PostAsync(new Uri($"{identity.Issuer}/protocol/openid-connect/revoke"), new FormUrlEncodedContent(
            [new("token", first.RefreshToken!), new("token_type_hint", "refresh_token"), new("client_id", TokenClient.CliClientId)]));

        Assert.Equal(HttpStatusCode.OK, revoke.StatusCode);
        Assert.Equal("invalid_grant", (await tokens.RefreshAsync(first.RefreshToken!)).Error);
    }

    [Fact]
    public async Task A_refresh_token_of_one_client_is_refused_to_another()
    {
        var tokens = await SharedInfrastructure.GetTokenClientAsync();
        var first = (await tokens.PasswordAsync("auditor.kaag")).EnsureSuccess();

        var response = await tokens.RefreshAsync(first.RefreshToken!, "platform-gateway", TokenClient.DevelopmentSecret("platform-gateway"));

        Assert.Equal("invalid_grant", response.Error);
    }
}
