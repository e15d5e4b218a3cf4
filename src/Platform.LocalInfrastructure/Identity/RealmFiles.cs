using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Platform.LocalInfrastructure.Identity;

/// <summary>
/// The realm a run imports. The repository's file is the development realm: demo users with the password
/// <c>demo</c> (a platform administrator among them), development client secrets as placeholder defaults, and
/// <c>sslRequired: none</c> for plain-HTTP local runs. Anywhere else the run imports a production realm generated
/// from it, so that the two cannot drift apart in anything but what development alone may have.
/// </summary>
public static partial class RealmFiles
{
    public const string ProductionFileName = "platform-realm.production.json";

    /// <summary>The development realm itself in Development; elsewhere the production realm, written into <paramref name="dataDirectory"/>.</summary>
    public static string ForEnvironment(bool development, string developmentRealmFile, string dataDirectory)
    {
        if (development)
        {
            return developmentRealmFile;
        }

        Directory.CreateDirectory(dataDirectory);
        var production = Path.Combine(dataDirectory, ProductionFileName);
        File.WriteAllText(production, ProductionRealm(File.ReadAllText(developmentRealmFile)));
        return production;
    }

    /// <summary>
    /// The development realm without its people (service accounts stay: they are the provider clients' identities),
    /// with TLS required for every address but the host's own, and placeholders without development defaults, so
    /// that an unset secret is an unset secret and never <c>...-dev-secret</c>.
    /// </summary>
    public static string ProductionRealm(string developmentRealmJson)
    {
        var realm = JsonNode.Parse(developmentRealmJson)!.AsObject();
        realm["sslRequired"] = "external";
        if (realm["users"] is JsonArray users)
        {
            foreach (var user in users.Where(u => u?["serviceAccountClientId"] is null).ToList())
            {
                users.Remove(user);
            }
        }

        foreach (var client in realm["clients"]?.AsArray() ?? [])
        {
            if (client?["description"]?.GetValue<string>() is { } description)
            {
                client["description"] = DevelopmentSecretNote().Replace(description, string.Empty);
            }
        }

        var json = realm.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
        return PlaceholderDefault().Replace(json, "${$1}");
    }

    [GeneratedRegex(@"\$\{([A-Z0-9_]+):[^}]*\}")]
    private static partial Regex PlaceholderDefault();

    [GeneratedRegex(@"\s*Local development secret: [^.]*\.")]
    private static partial Regex DevelopmentSecretNote();
}
