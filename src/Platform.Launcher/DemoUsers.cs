using Platform.LocalInfrastructure;

namespace Platform.Launcher;

/// <summary>How to sign in to the local run: the realm file's demo users and provider systems.</summary>
internal static class DemoUsers
{
    // For reading only; the tokens carry the CBS code.
    private static readonly Dictionary<string, string> s_municipalityNames = new()
    {
        ["GM0484"] = "Alphen aan den Rijn",
        ["GM1884"] = "Kaag en Braassem",
        ["GM0569"] = "Nieuwkoop",
    };

    public static void Print(IdentityProviderServer identity)
    {
        var realm = RealmSummary.Read(identity.RealmFile);
        Console.WriteLine($"Identity: {identity.Issuer}  (local stand-in for Keycloak, realm file {Path.GetFileName(identity.RealmFile)})");
        var passwords = realm.Users.Select(user => user.Password).Distinct().ToList();
        Console.WriteLine(passwords is [{ } shared]
            ? $"Demo users, all with password \"{shared}\" (demonstration data only):"
            : "Demo users (demonstration data only):");

        string[][] rows =
        [
            ["USER", "ROLES", "MUNICIPALITY", "REGION"],
            .. realm.Users.Select(user => new[]
            {
                user.Username + (passwords.Count > 1 ? $" / {user.Password}" : ""),
                string.Join(", ", user.Roles),
                user.Municipality is { } code ? $"{code} {s_municipalityNames.GetValueOrDefault(code, "")}".TrimEnd() : "",
                user.Region ?? "",
            }),
        ];
        var widths = Enumerable.Range(0, 4).Select(column => rows.Max(row => row[column].Length)).ToArray();
        foreach (var row in rows)
        {
            Console.WriteLine("  " + string.Join("  ", row.Select((cell, column) => cell.PadRight(widths[column]))).TrimEnd());
        }

        Console.WriteLine("Provider systems (client credentials, development secrets):");
        foreach (var client in realm.ServiceClients)
        {
            var variable = client.SecretVariable is { } name ? $"  (override: {name})" : "";
            Console.WriteLine($"  {client.ClientId} / {client.DevelopmentSecret}{variable}");
        }

        var example = realm.Users.FirstOrDefault(user => user.Municipality is not null) ?? (realm.Users.Count > 0 ? realm.Users[0] : null);
        if (example is not null)
        {
            Console.WriteLine("An access token for scripts (password grant with the public client platform-cli):");
            Console.WriteLine($"  curl -s -d grant_type=password -d client_id=platform-cli -d username={example.Username} " +
                $"-d password={example.Password} {identity.TokenEndpoint}");
        }
    }
}
