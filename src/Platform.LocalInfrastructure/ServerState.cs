using System.Text.Json;

namespace Platform.LocalInfrastructure;

/// <summary>
/// What a server folder remembers between processes: the running process and the ports it was
/// given, so that a later start (or another process) finds the same server on the same ports.
/// </summary>
internal sealed record ServerState(int? ProcessId, Dictionary<string, int> Ports)
{
    private static readonly JsonSerializerOptions s_json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static ServerState Empty() => new(null, []);

    public static ServerState? Read(string path)
    {
        try
        {
            return File.Exists(path) ? JsonSerializer.Deserialize<ServerState>(File.ReadAllText(path), s_json) : null;
        }
        catch (JsonException)
        {
            return null; // a half-written file from a killed process: start over
        }
    }

    public void Write(string path)
    {
        var temporary = path + ".tmp";
        File.WriteAllText(temporary, JsonSerializer.Serialize(this, s_json));
        File.Move(temporary, path, overwrite: true);
    }
}
