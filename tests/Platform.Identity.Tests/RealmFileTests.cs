using System.Text.Json;
using Platform.LocalInfrastructure;

namespace Platform.Identity.Tests;

/// <summary>
/// The realm file Keycloak imports, checked for the traps that silently change tokens: missing mappers,
/// undeclared user attributes, a client scope list without <c>basic</c> (no <c>sub</c>).
/// </summary>
public sealed class RealmFileTests
{
    private static readonly JsonElement s_realm = Read();

    private static IEnumerable<JsonElement> Clients => s_realm.GetProperty("clients").EnumerateArray();

    private static IEnumerable<JsonElement> Users => s_realm.GetProperty("users").EnumerateArray();

    [Fact]
    public void The_realm_is_platform_over_plain_http_with_keycloak_lifetimes()
    {
        Assert.Equal("platform", s_realm.GetProperty("realm").GetString());
        Assert.True(s_realm.GetProperty("enabled").GetBoolean());
        Assert.Equal("none", s_realm.GetProperty("sslRequired").GetString());
        Assert.Equal(300, s_realm.GetProperty("accessTokenLifespan").GetInt32());
        Assert.Equal(1800, s_realm.GetProperty("ssoSessionIdleTimeout").GetInt32());
        Assert.Equal(36000, s_realm.GetProperty("ssoSessionMaxLifespan").GetInt32());
    }

    [Fact]
    public void The_realm_roles_are_the_platforms_seven()
    {
        var roles = s_realm.GetProperty("roles").GetProperty("realm").EnumerateArray().Select(role => role.GetProperty("name").GetString());

        Assert.Equal(
            ["platform-admin", "region-coordinator", "policy-advisor", "contract-manager", "controller", "auditor", "provider-system"],
            roles);
    }

    [Fact]
    public void Every_client_that_gets_user_tokens_maps_the_api_audience_and_the_tenant_claims()
    {
        var userClients = Clients.Where(client => Flag(client, "standardFlowEnabled") || Flag(client, "directAccessGrantsEnabled")).ToList();

        Assert.Equal(["platform-gateway", "platform-cli"], userClients.Select(client => Text(client, "clientId")));
        Assert.All(userClients, client =>
        {
            AssertAudienceMapper(client);
            AssertAttributeMapper(client, "municipality");
            AssertAttributeMapper(client, "region");
        });
    }

    [Fact]
    public void The_api_client_owns_the_audience_and_has_no_flows()
    {
        var api = Clients.Single(client => Text(client, "clientId") == "platform-api");

        Assert.All(
            ["standardFlowEnabled", "implicitFlowEnabled", "directAccessGrantsEnabled", "serviceAccountsEnabled", "publicClient"],
            flag => Assert.False(Flag(api, flag), flag));
    }

    [Fact]
    public void The_gateway_signs_in_with_code_and_pkce_and_redirects_only_to_its_callback()
    {
        var gateway = Clients.Single(client => Text(client, "clientId") == "platform-gateway");
        var attributes = gateway.GetProperty("attributes");

        Assert.False(Flag(gateway, "publicClient"));
        Assert.Equal("${PLATFORM_GATEWAY_CLIENT_SECRET:gateway-dev-secret}", Text(gateway, "secret"));
        Assert.Equal("S256", attributes.GetProperty("pkce.code.challenge.method").GetString());
        Assert.False(Flag(gateway, "implicitFlowEnabled"));
        Assert.False(Flag(gateway, "directAccessGrantsEnabled"));
        // Exact URIs only: no catch-all "*", which would make the gateway's sign-in an open redirect.
        Assert.All(Strings(gateway, "redirectUris"), uri => Assert.EndsWith("/auth/callback", uri));
        Assert.All(attributes.GetProperty("post.logout.redirect.uris").GetString()!.Split("##"), uri => Assert.EndsWith("/", uri));
    }

    [Fact]
    public void The_cli_client_is_public_with_the_password_grant_only()
    {
        var cli = Clients.Single(client => Text(client, "clientId") == "platform-cli");

        Assert.True(Flag(cli, "publicClient"));
        Assert.True(Flag(cli, "directAccessGrantsEnabled"));
        Assert.False(Flag(cli, "standardFlowEnabled"));
        Assert.False(Flag(cli, "implicitFlowEnabled"));
    }

    [Theory]
    [InlineData("provider-tom-in-de-buurt", "tom-in-de-buurt", "PROVIDER_TOM_IN_DE_BUURT_CLIENT_SECRET")]
    [InlineData("provider-rijnland-jeugd", "rijnland-jeugd", "PROVIDER_RIJNLAND_JEUGD_CLIENT_SECRET")]
    [InlineData("provider-nieuwkoop-samen", "nieuwkoop-samen", "PROVIDER_NIEUWKOOP_SAMEN_CLIENT_SECRET")]
    public void Each_provider_system_is_a_service_account_with_its_provider_id_and_no_tenant(string clientId, string providerId, string secretVariable)
    {
        var client = Clients.Single(c => Text(c, "clientId") == clientId);
        var serviceAccount = Users.Single(user => Text(user, "serviceAccountClientId") == clientId);

        Assert.True(Flag(client, "serviceAccountsEnabled"));
        Assert.False(Flag(client, "publicClient"));
        Assert.False(Flag(client, "standardFlowEnabled"));
        Assert.False(Flag(client, "directAccessGrantsEnabled"));
        Assert.Equal($"${{{secretVariable}:{clientId}-dev-secret}}", Text(client, "secret"));
        AssertAudienceMapper(client);
        var providerMapper = Mappers(client).Single(mapper => Config(mapper, "claim.name") == "provider_id");
        Assert.Equal("oidc-hardcoded-claim-mapper", Text(providerMapper, "protocolMapper"));
        Assert.Equal(providerId, Config(providerMapper, "claim.value"));
        Assert.Equal("true", Config(providerMapper, "access.token.claim"));
        Assert.DoesNotContain(Mappers(client), mapper => Config(mapper, "claim.name") is "municipality" or "region");
        Assert.Equal($"service-account-{clientId}", Text(serviceAccount, "username"));
        Assert.Contains("provider-system", Strings(serviceAccount, "realmRoles"));
    }

    [Fact]
    public void The_user_profile_declares_the_tenant_and_provider_attributes()
    {
        var component = s_realm.GetProperty("components").GetProperty("org.keycloak.userprofile.UserProfileProvider").EnumerateArray().Single();
        using var profile = JsonDocument.Parse(component.GetProperty("config").GetProperty("kc.user.profile.config")[0].GetString()!);
        var attributes = profile.RootElement.GetProperty("attributes").EnumerateArray().ToDictionary(a => a.GetProperty("name").GetString()!);

        Assert.Equal("declarative-user-profile", Text(component, "providerId"));
        Assert.Superset(new HashSet<string> { "username", "email", "firstName", "lastName", "municipality", "region", "provider_id" }, attributes.Keys.ToHashSet());
        // Only an administrator may move a user to another municipality or region.
        Assert.All(["municipality", "region", "provider_id"], name =>
            Assert.Equal(["admin"], attributes[name].GetProperty("permissions").GetProperty("edit").EnumerateArray().Select(e => e.GetString())));
    }

    [Fact]
    public void No_client_scope_list_leaves_out_basic()
    {
        // Keycloak's own default client scopes (basic, profile, email, roles, ...) apply unless the file lists its own.
        if (s_realm.TryGetProperty("clientScopes", out var scopes))
        {
            Assert.Contains(scopes.EnumerateArray(), scope => Text(scope, "name") == "basic");
        }
        Assert.All(Clients, client =>
        {
            if (client.TryGetProperty("defaultClientScopes", out _))
            {
                Assert.Contains("basic", Strings(client, "defaultClientScopes"));
            }
        });
    }

    [Fact]
    public void Every_person_is_complete_so_keycloak_asks_nothing_at_first_sign_in()
    {
        var people = Users.Where(user => !user.TryGetProperty("serviceAccountClientId", out _)).ToList();

        Assert.Equal(14, people.Count);
        Assert.All(people, person =>
        {
            Assert.False(string.IsNullOrEmpty(Text(person, "firstName")));
            Assert.False(string.IsNullOrEmpty(Text(person, "lastName")));
            Assert.Contains("@", Text(person, "email"));
            Assert.True(Flag(person, "emailVerified"));
            Assert.Empty(Strings(person, "requiredActions"));
            Assert.Contains(person.GetProperty("credentials").EnumerateArray(), c => Text(c, "value") == "demo" && !Flag(c, "temporary"));
        });
        Assert.Equal(people.Count, people.Select(person => Text(person, "id")).Distinct().Count());
    }

    [Theory]
    [InlineData("alphen", "GM0484")]
    [InlineData("kaag", "GM1884")]
    [InlineData("nieuwkoop", "GM0569")]
    public void Each_municipality_has_an_advisor_contract_manager_controller_and_auditor(string name, string code)
    {
        string[][] staff = [["advisor", "policy-advisor"], ["contracts", "contract-manager"], ["controller", "controller"], ["auditor", "auditor"]];

        Assert.All(staff, member =>
        {
            var user = Users.Single(u => Text(u, "username") == $"{member[0]}.{name}");
            Assert.Contains(member[1], Strings(user, "realmRoles"));
            Assert.Equal([code], user.GetProperty("attributes").GetProperty("municipality").EnumerateArray().Select(v => v.GetString()));
        });
    }

    [Fact]
    public void The_coordinator_has_the_region_and_no_municipality_and_the_admin_neither()
    {
        var coordinator = Users.Single(u => Text(u, "username") == "coordinator.rijnland");
        var admin = Users.Single(u => Text(u, "username") == "admin");

        Assert.Contains("region-coordinator", Strings(coordinator, "realmRoles"));
        Assert.Equal("holland-rijnland", coordinator.GetProperty("attributes").GetProperty("region")[0].GetString());
        Assert.False(coordinator.GetProperty("attributes").TryGetProperty("municipality", out _));
        Assert.Contains("platform-admin", Strings(admin, "realmRoles"));
        Assert.False(admin.GetProperty("attributes").TryGetProperty("municipality", out _));
    }

    private static void AssertAudienceMapper(JsonElement client)
    {
        var audience = Mappers(client).Single(mapper => Text(mapper, "protocolMapper") == "oidc-audience-mapper");
        Assert.Equal("platform-api", Config(audience, "included.custom.audience"));
        Assert.Equal("true", Config(audience, "access.token.claim"));
    }

    private static void AssertAttributeMapper(JsonElement client, string attribute)
    {
        var mapper = Mappers(client).Single(m => Config(m, "user.attribute") == attribute);
        Assert.Equal("oidc-usermodel-attribute-mapper", Text(mapper, "protocolMapper"));
        Assert.Equal(attribute, Config(mapper, "claim.name"));
        Assert.All(["access.token.claim", "id.token.claim", "userinfo.token.claim"], flag => Assert.Equal("true", Config(mapper, flag)));
    }

    private static JsonElement[] Mappers(JsonElement client) =>
        client.TryGetProperty("protocolMappers", out var mappers) ? [.. mappers.EnumerateArray()] : [];

    private static string? Config(JsonElement mapper, string key) =>
        mapper.GetProperty("config").TryGetProperty(key, out var value) ? value.GetString() : null;

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static bool Flag(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.True;

    private static IEnumerable<string> Strings(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) ? value.EnumerateArray().Select(item => item.GetString()!) : [];

    private static JsonElement Read()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(IdentityProviderServer.DefaultRealmFile(RepositoryRoot.Find())));
        return document.RootElement.Clone();
    }
}
