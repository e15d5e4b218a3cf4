using System.Text.Json;
using System.Text.RegularExpressions;

namespace Platform.LocalInfrastructure;

/// <summary>A person of the realm file: who can sign in, with which roles, for which municipality or region.</summary>
public sealed record RealmUser(string Username, string? Password, IReadOnlyList<string> Roles, string? Municipality, string? Region);

/// <summary>A client that signs in as itself (client credentials), with its development secret.</summary>
/// <param name="ClientId">The client id, e.g. <c>provider-tom-in-de-buurt</c>.</param>
/// <param name="DevelopmentSecret">The secret the realm file gives when the variable is not set.</param>
/// <param name="SecretVariable">The environment variable that replaces the development secret, if the file names one.</param>
public sealed record RealmServiceClient(string ClientId, string? DevelopmentSecret, string? SecretVariable);

/// <summary>What the realm file holds for people to read: its users and machine clients, for the launcher's help text.</summary>
public sealed partial record RealmSummary(string Realm, IReadOnlyList<RealmUser> Users, IReadOnlyList<RealmServiceClient> ServiceClients)
{
    public static RealmSummary Read(string realmFile)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(realmFile));
        var root = document.RootElement;
        var realm = root.GetProperty("realm").GetString()!;
        var users = Array(root, "users")
            .Where(user => !user.TryGetProperty("serviceAccountClientId", out _))
            .Select(user => new RealmUser(
                user.GetProperty("username").GetString()!,
                Array(user, "credentials").Where(c => Text(c, "type") == "password").Select(c => Text(c, "value")).FirstOrDefault(),
                [.. Array(user, "realmRoles").Select(role => role.GetString()!).Where(role => role != $"default-roles-{realm}")],
                FirstAttribute(user, "municipality"),
                FirstAttribute(user, "region")))
            .ToList();
        var serviceClients = Array(root, "clients")
            .Where(client => client.TryGetProperty("serviceAccountsEnabled", out var enabled) && enabled.GetBoolean())
            .Select(client =>
            {
                var secret = Text(client, "secret");
                var placeholder = secret is null ? null : Placeholder().Match(secret);
                return placeholder is { Success: true }
                    ? new RealmServiceClient(Text(client, "clientId")!, placeholder.Groups["default"].Value, placeholder.Groups["name"].Value)
                    : new RealmServiceClient(Text(client, "clientId")!, secret, null);
            })
            .ToList();
        return new RealmSummary(realm, users, serviceClients);
    }

    [GeneratedRegex(@"^\$\{(?<name>[^:}]+):(?<default>[^}]*)\}$")]
    private static partial Regex Placeholder();

    private static JsonElement[] Array(JsonElement element, string name) =>
        element.TryGetProperty(name, out var array) && array.ValueKind == JsonValueKind.Array ? [.. array.EnumerateArray()] : [];

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string? FirstAttribute(JsonElement user, string name) =>
        user.TryGetProperty("attributes", out var attributes) && attributes.TryGetProperty(name, out var values)
            ? values.EnumerateArray().Select(value => value.GetString()).FirstOrDefault()
            : null;
}
