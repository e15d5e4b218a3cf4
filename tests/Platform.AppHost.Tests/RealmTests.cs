using System.Text.Json;
using Platform.LocalInfrastructure;
using Platform.Resources;

namespace Platform.AppHost.Tests;

/// <summary>Keycloak and the local identity provider serve one realm file.</summary>
public sealed class RealmTests
{
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
}
