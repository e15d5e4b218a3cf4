using System.Reflection;
using System.Text.RegularExpressions;

namespace Platform.Persistence.Migrations;

/// <summary>
/// The migrations of one module, read from SQL files embedded in its assembly. A file is named
/// <c>NNNN_description.sql</c> and lives in a folder called <c>Migrations</c>; the csproj embeds it
/// with <c>&lt;EmbeddedResource Include="Data/Migrations/*.sql" /&gt;</c>.
/// </summary>
public sealed partial class MigrationSource
{
    private MigrationSource(string module, IReadOnlyList<Migration> migrations)
    {
        Module = module;
        Migrations = migrations;
    }

    public string Module { get; }

    public IReadOnlyList<Migration> Migrations { get; }

    public static MigrationSource FromAssembly(string module, Assembly assembly)
    {
        var migrations = new List<Migration>();
        foreach (var resource in assembly.GetManifestResourceNames())
        {
            var match = ResourceName().Match(resource);
            if (!match.Success)
            {
                continue;
            }

            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream);
            var version = int.Parse(match.Groups["version"].Value, System.Globalization.CultureInfo.InvariantCulture);
            migrations.Add(new Migration(module, version, match.Groups["name"].Value, reader.ReadToEnd()));
        }

        return FromMigrations(module, migrations);
    }

    public static MigrationSource FromMigrations(string module, IEnumerable<Migration> migrations)
    {
        var ordered = migrations.OrderBy(m => m.Version).ToList();
        var duplicate = ordered.GroupBy(m => m.Version).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new InvalidOperationException(
                $"Module '{module}' has more than one migration with version {duplicate.Key}: {string.Join(", ", duplicate)}.");
        }

        return new MigrationSource(module, ordered);
    }

    [GeneratedRegex(@"\.Migrations\.(?<version>\d{4})_(?<name>[A-Za-z0-9_\-]+)\.sql$")]
    private static partial Regex ResourceName();
}
