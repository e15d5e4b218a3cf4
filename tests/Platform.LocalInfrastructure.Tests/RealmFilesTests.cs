using System.Text.Json.Nodes;
using Platform.LocalInfrastructure;
using Platform.LocalInfrastructure.Identity;

namespace Platform.LocalInfrastructure.Tests;

public class RealmFilesTests
{
    private static readonly string DevelopmentRealmFile = Path.Combine(RepositoryRoot.Find(), "infra", "keycloak", "platform-realm.json");

    private static JsonObject Parse(string json) => JsonNode.Parse(json)!.AsObject();

    [Fact]
    public void The_production_realm_has_no_demo_users_no_development_secrets_and_requires_tls()
    {
        var development = File.ReadAllText(DevelopmentRealmFile);

        var text = RealmFiles.ProductionRealm(development);
        var production = Parse(text);

        Assert.Equal("external", production["sslRequired"]!.GetValue<string>());
        Assert.All(production["users"]!.AsArray(), user => Assert.NotNull(user!["serviceAccountClientId"]));
        Assert.DoesNotContain("\"credentials\"", text, StringComparison.Ordinal);
        Assert.DoesNotContain("dev-secret", text, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"\$\{[A-Z0-9_]+:", text);
        Assert.Contains("${PLATFORM_GATEWAY_CLIENT_SECRET}", text, StringComparison.Ordinal);

        // Everything else is the development realm's: the same clients, roles and service accounts.
        var source = Parse(development);
        Assert.Equal(source["clients"]!.AsArray().Count, production["clients"]!.AsArray().Count);
        Assert.Equal(source["roles"]!.ToJsonString(), production["roles"]!.ToJsonString());
        Assert.Equal(
            source["users"]!.AsArray().Count(u => u!["serviceAccountClientId"] is not null),
            production["users"]!.AsArray().Count);
    }

    [Fact]
    public void The_development_realm_keeps_its_demo_users_and_plain_http()
    {
        var development = Parse(File.ReadAllText(RealmFiles.ForEnvironment(true, DevelopmentRealmFile, Path.GetTempPath())));

        Assert.Equal("none", development["sslRequired"]!.GetValue<string>());
        Assert.Contains(development["users"]!.AsArray(), user => user!["username"]!.GetValue<string>() == "admin");
    }

    [Fact]
    public void Outside_development_a_run_imports_the_generated_production_realm()
    {
        var dataDirectory = Path.Combine(Path.GetTempPath(), "realm-" + Guid.NewGuid().ToString("N"));
        try
        {
            var file = RealmFiles.ForEnvironment(false, DevelopmentRealmFile, dataDirectory);

            Assert.Equal(Path.Combine(dataDirectory, RealmFiles.ProductionFileName), file);
            var realm = Parse(File.ReadAllText(file));
            Assert.Equal("external", realm["sslRequired"]!.GetValue<string>());
            Assert.DoesNotContain(realm["users"]!.AsArray(), user => user!["username"]!.GetValue<string>() == "admin");
        }
        finally
        {
            Directory.Delete(dataDirectory, recursive: true);
        }
    }
}
