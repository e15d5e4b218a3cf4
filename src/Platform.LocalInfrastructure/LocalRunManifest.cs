using System.Text.Json;

namespace Platform.LocalInfrastructure;

/// <summary>
/// The facts of a running local platform, written by the launcher to
/// <c>.local/run/platform.json</c> for people and tools to find every resource.
/// </summary>
public sealed record LocalRunManifest(DateTimeOffset WrittenAt, IReadOnlyList<ResourceDescription> Resources)
{
    private static readonly JsonSerializerOptions s_json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static LocalRunManifest Of(IEnumerable<ILocalServer> servers) =>
        new(DateTimeOffset.Now, [.. servers.Select(server => server.Describe())]);

    public static LocalRunManifest? Read(string path) =>
        File.Exists(path) ? JsonSerializer.Deserialize<LocalRunManifest>(File.ReadAllText(path), s_json) : null;

    public void Write(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var temporary = path + ".tmp";
        File.WriteAllText(temporary, JsonSerializer.Serialize(this, s_json));
        File.Move(temporary, path, overwrite: true);
    }
}
