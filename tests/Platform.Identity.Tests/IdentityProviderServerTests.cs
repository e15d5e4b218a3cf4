using System.Text.Json.Nodes;
using Platform.LocalInfrastructure;
using Platform.Testing;

namespace Platform.Identity.Tests;

public sealed class IdentityProviderServerTests
{
    [Fact]
    public async Task Tokens_stay_valid_across_a_restart_on_the_same_port()
    {
        await using var identity = await PrivateServers.StartAsync(directory => new IdentityProviderServer(directory));
        var issuer = identity.Server.Issuer;
        var token = await new TokenClient(issuer).PasswordTokenAsync("admin");

        await identity.StopAsync();
        Assert.False(await identity.IsReadyAsync());
        await identity.StartAsync();

        Assert.Equal(issuer, identity.Server.Issuer);
        var validation = await Jwt.ValidateAsync(identity.Server, token);
        Assert.True(validation.IsValid, validation.Exception?.Message);
    }

    [Fact]
    public async Task Starting_twice_reuses_the_running_server()
    {
        var running = await SharedInfrastructure.GetIdentityProviderAsync();
        var sameFolder = new IdentityProviderServer(running.RootDirectory);

        var outcome = await sameFolder.StartAsync();

        Assert.Equal(StartOutcome.AlreadyRunning, outcome);
        Assert.Equal(running.ProcessId, sameFolder.ProcessId);
        Assert.Equal(running.Issuer, sameFolder.Issuer);
        Assert.Equal("platform", sameFolder.Realm);
        Assert.Equal(running.Issuer.ToString(), sameFolder.Describe().Address);
    }

    [Fact]
    public async Task Placeholders_in_the_realm_file_take_the_values_given_as_keycloak_would()
    {
        var variables = new Dictionary<string, string> { ["PROVIDER_TOM_IN_DE_BUURT_CLIENT_SECRET"] = "a-secret-from-the-environment" };
        await using var identity = await PrivateServers.StartIdentityProviderAsync(new Uri("http://127.0.0.1:5123/"), variables);
        var tokens = new TokenClient(identity.Server.Issuer);
        using var browser = new Browser();

        var withVariable = await tokens.ClientCredentialsAsync("provider-tom-in-de-buurt", "a-secret-from-the-environment");
        var withDefault = await tokens.ClientCredentialsAsync("provider-tom-in-de-buurt", TokenClient.DevelopmentSecret("provider-tom-in-de-buurt"));
        var otherDefault = await tokens.ClientCredentialsAsync("provider-rijnland-jeugd", TokenClient.DevelopmentSecret("provider-rijnland-jeugd"));
        var callback = await BrowserSignInTests.SignInAsync(
            browser, identity.Server, Pkce.New(), "advisor.alphen", redirectUri: "http://127.0.0.1:5123/auth/callback");

        Assert.True(withVariable.IsSuccess);
        Assert.Equal("invalid_client", withDefault.Error);
        Assert.True(otherDefault.IsSuccess);
        Assert.NotNull(callback.Query("code"));
        var sharedGatewayPort = await browser.GetAsync(BrowserSignInTests.AuthorizeUri(identity.Server, Pkce.New(), "http://127.0.0.1:5124/auth/callback"));
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, sharedGatewayPort.Status);
    }

    [Fact]
    public async Task A_trailing_wildcard_redirect_uri_matches_by_prefix_as_in_keycloak()
    {
        var realm = JsonNode.Parse(await File.ReadAllTextAsync(IdentityProviderServer.DefaultRealmFile(RepositoryRoot.Find())))!;
        var gateway = realm["clients"]!.AsArray().Single(client => (string?)client!["clientId"] == "platform-gateway")!;
        gateway["redirectUris"] = new JsonArray("http://127.0.0.1:6123/app/*");
        var realmFile = Path.Combine(Path.GetTempPath(), $"wildcard-realm-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(realmFile, realm.ToJsonString());
        try
        {
            await using var identity = await PrivateServers.StartAsync(directory => new IdentityProviderServer(directory, realmFile: realmFile));
            using var browser = new Browser();

            var deeper = await BrowserSignInTests.SignInAsync(
                browser, identity.Server, Pkce.New(), "admin", redirectUri: "http://127.0.0.1:6123/app/deeper/callback");
            var outside = await browser.GetAsync(BrowserSignInTests.AuthorizeUri(identity.Server, Pkce.New(), "http://127.0.0.1:6123/other"));

            Assert.NotNull(deeper.Query("code"));
            Assert.Equal(System.Net.HttpStatusCode.BadRequest, outside.Status);
        }
        finally
        {
            File.Delete(realmFile);
        }
    }
}
