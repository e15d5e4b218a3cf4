using System.Text.Json;
using System.Text.RegularExpressions;
using Platform.Hosting;
using Platform.LocalInfrastructure;

namespace Platform.AppHost.Tests;

/// <summary>Keycloak under the AppHost and the local identity provider serve one realm file, configured alike.</summary>
public sealed partial class RealmTests
{
    private readonly AppHostSource _appHost = AppHostSource.Read();

    [Fact]
    public void The_realm_keycloak_imports_is_the_file_the_local_identity_provider_serves()
    {
        var import = RealmImport().Match(_appHost.Text);
        Assert.True(import.Success, "AppHost.cs imports no realm as WithRealmImport(Path.Combine(\"..\", PlatformResources.<file>)).");
        // WithRealmImport resolves a relative path against the AppHost's directory.
        var imported = Path.GetFullPath(Path.Combine(_appHost.Directory, "..", (string)AppHostSource.Evaluate(import.Groups["file"].Value)!));

        var served = LauncherEnvironment.LocalRun().Identity.RealmFile;

        Assert.Equal(imported, served);
        Assert.True(File.Exists(served), $"{served} does not exist.");
    }

    [Fact]
    public void The_realm_is_one_file_in_the_repository()
    {
        var root = RepositoryRoot.Find();
        var realms = System.IO.Directory.EnumerateFiles(root, "*.json", SearchOption.AllDirectories)
            .Where(file => !IsGenerated(Path.GetRelativePath(root, file)))
            .Where(file => RealmName(file) == PlatformResources.Realm)
            .Select(file => Path.GetRelativePath(root, file));

        Assert.Equal([PlatformResources.RealmFile], realms);
    }

    [Fact]
    public void The_realm_name_services_are_given_is_the_files_realm()
    {
        var platform = LauncherEnvironment.LocalRun();
        Assert.Equal(PlatformResources.Realm, platform.Identity.Realm);
        Assert.Contains("\"Identity__Realm\", PlatformResources.Realm", File.ReadAllText(Path.Combine(_appHost.Directory, "PlatformProjectExtensions.cs")));
    }

    [Fact]
    public void Every_secret_placeholder_of_the_realm_gets_a_secret_parameter_under_the_apphost()
    {
        var realm = File.ReadAllText(Path.Combine(RepositoryRoot.Find(), PlatformResources.RealmFile));
        var placeholders = SecretPlaceholder().Matches(realm).Select(m => m.Groups["name"].Value).Distinct().ToList();
        Assert.NotEmpty(placeholders);

        var secretVariables = SecretParameterVariable().Matches(_appHost.Text).Select(m => m.Groups["variable"].Value).ToHashSet();
        foreach (var placeholder in placeholders)
        {
            var given = Regex.Match(_appHost.Text, $@"\.WithEnvironment\(""{placeholder}"", (?<value>[^\n]+)\)");
            Assert.True(given.Success, $"Keycloak gets no {placeholder}: the realm's committed development default would be used.");
            var value = given.Groups["value"].Value.Trim();
            Assert.True(
                secretVariables.Contains(value) || SecretParameterCall().IsMatch(value),
                $"{placeholder} is given '{value}', not a parameter added with secret: true.");
        }
    }

    [Fact]
    public void Keycloak_gets_the_gateway_address_for_the_redirect_uris()
    {
        Assert.Contains("${PLATFORM_GATEWAY_URL:", File.ReadAllText(Path.Combine(RepositoryRoot.Find(), PlatformResources.RealmFile)), StringComparison.Ordinal);
        Assert.Matches(@"keycloak\.WithEnvironment\(""PLATFORM_GATEWAY_URL"", gateway\.GetEndpoint\(""http""\)\)", _appHost.Text);
    }

    private static string? RealmName(string file)
    {
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(file));
            return document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("realm", out var realm)
                ? realm.GetString()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static bool IsGenerated(string relativePath) =>
        relativePath.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj" or ".local" or ".git" or "node_modules");

    [GeneratedRegex(@"WithRealmImport\(Path\.Combine\(""\.\."", (?<file>PlatformResources\.\w+)\)\)")]
    private static partial Regex RealmImport();

    [GeneratedRegex(@"\$\{(?<name>[A-Z0-9_]*SECRET[A-Z0-9_]*):")]
    private static partial Regex SecretPlaceholder();

    [GeneratedRegex(@"var (?<variable>\w+) = builder\.AddParameter\(""[\w-]+"", secret: true\)")]
    private static partial Regex SecretParameterVariable();

    [GeneratedRegex(@"^builder\.AddParameter\(""[\w-]+"", secret: true\)$")]
    private static partial Regex SecretParameterCall();
}
