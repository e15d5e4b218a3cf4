using System.Reflection;
using System.Text.RegularExpressions;
using Platform.Hosting;
using Platform.LocalInfrastructure;

namespace Platform.AppHost.Tests;

/// <summary>A resource <c>AppHost.cs</c> declares: its kind (<c>AddPostgres</c>, <c>AddDatabase</c>, ...) and name.</summary>
internal sealed record DeclaredResource(string Variable, string Kind, string Name, IReadOnlyList<string> References, IReadOnlyList<string> Awaited, string? PlatformService);

/// <summary>
/// <c>AppHost/AppHost.cs</c> read as text, because it cannot be compiled here. Each statement that declares a
/// resource (<c>var x = ...Add*(name)...;</c>) is taken apart; names written as <c>PlatformResources.*</c> are
/// evaluated against the launcher's copy of that list, so a name means the same on both sides.
/// </summary>
internal sealed partial class AppHostSource
{
    private AppHostSource(string directory, string text)
    {
        Directory = directory;
        Text = text;
        Resources = [.. Statements(text).Select(Declare).OfType<DeclaredResource>()];
    }

    public string Directory { get; }

    public string Text { get; }

    public IReadOnlyList<DeclaredResource> Resources { get; }

    public static AppHostSource Read()
    {
        var directory = Path.Combine(RepositoryRoot.Find(), "AppHost");
        return new(directory, File.ReadAllText(Path.Combine(directory, "AppHost.cs")));
    }

    public IEnumerable<DeclaredResource> OfKind(string kind) => Resources.Where(r => r.Kind == kind);

    public DeclaredResource Single(string kind) => Assert.Single(OfKind(kind));

    public DeclaredResource? ByVariable(string variable) => Resources.FirstOrDefault(r => r.Variable == variable);

    /// <summary>A C# expression of the forms AppHost.cs uses for names: a string literal or a <c>PlatformResources</c> member path.</summary>
    public static object? Evaluate(string expression)
    {
        expression = expression.Trim().TrimEnd('!');
        if (expression.StartsWith('"'))
        {
            return expression.Trim('"');
        }

        var path = expression.Split('.');
        Assert.True(path[0] == nameof(PlatformResources), $"'{expression}' is neither a string literal nor a {nameof(PlatformResources)} member.");
        object? value = null;
        var type = typeof(PlatformResources);
        foreach (var member in path.Skip(1))
        {
            var flags = BindingFlags.Public | (value is null ? BindingFlags.Static : BindingFlags.Instance);
            value = type.GetProperty(member, flags)?.GetValue(value)
                ?? type.GetField(member, flags)?.GetValue(value)
                ?? throw new InvalidOperationException($"'{expression}': {type.Name} has no member {member}.");
            type = value.GetType();
        }

        return value;
    }

    private static IEnumerable<string> Statements(string text) =>
        LineComment().Replace(text, "").Split(';').Select(statement => Whitespace().Replace(statement, " ").Trim());

    private static DeclaredResource? Declare(string statement)
    {
        var declaration = Declaration().Match(statement);
        if (!declaration.Success)
        {
            return null;
        }

        var platformService = PlatformDefaults().Match(statement);
        return new DeclaredResource(
            declaration.Groups["variable"].Value,
            declaration.Groups["kind"].Value,
            (string)Evaluate(declaration.Groups["name"].Value)!,
            [.. Reference().Matches(statement).Select(m => m.Groups["variable"].Value)],
            [.. Awaited().Matches(statement).Select(m => m.Groups["variable"].Value)],
            platformService.Success ? ((PlatformService)Evaluate(platformService.Groups["service"].Value)!).Name : null);
    }

    [GeneratedRegex(@"^var (?<variable>\w+) = [\w.]*?\.(?<kind>AddPostgres|AddDatabase|AddRabbitMQ|AddKeycloak|AddProject)(<[\w.]+>)?\((?<name>[^,)]+)")]
    private static partial Regex Declaration();

    // WithIdentity(keycloak) is the AppHost's own helper: WithReference(keycloak).WaitFor(keycloak) plus the realm.
    [GeneratedRegex(@"\.(WithReference|WithIdentity)\((?<variable>\w+)\)")]
    private static partial Regex Reference();

    [GeneratedRegex(@"\.(WaitFor|WithIdentity)\((?<variable>\w+)\)")]
    private static partial Regex Awaited();

    [GeneratedRegex(@"\.WithPlatformDefaults\((?<service>[^)]+)\)")]
    private static partial Regex PlatformDefaults();

    [GeneratedRegex(@"//[^\n]*")]
    private static partial Regex LineComment();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
