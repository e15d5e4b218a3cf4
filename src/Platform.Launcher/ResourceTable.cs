using Platform.LocalInfrastructure;

namespace Platform.Launcher;

internal static class ResourceTable
{
    public static void Print(IReadOnlyList<ResourceDescription> resources, string repositoryRoot, bool withLiveness)
    {
        string[] header = withLiveness
            ? ["RESOURCE", "STATE", "ADDRESS", "PID", "LOG"]
            : ["RESOURCE", "ADDRESS", "PID", "LOG"];
        var rows = new List<string[]> { header };
        foreach (var resource in resources)
        {
            var processId = resource.ProcessId?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-";
            var log = Path.GetRelativePath(repositoryRoot, resource.LogFile);
            rows.Add(withLiveness
                ? [resource.Name, StatusCommand.IsRunning(resource) ? "running" : "STOPPED", resource.Address, processId, log]
                : [resource.Name, resource.Address, processId, log]);
            if (resource.ManagementUrl is { } console)
            {
                rows.Add(withLiveness ? ["  console", "", console, "", ""] : ["  console", console, "", ""]);
            }
        }

        var widths = Enumerable.Range(0, header.Length).Select(column => rows.Max(row => row[column].Length)).ToArray();
        foreach (var row in rows)
        {
            Console.WriteLine(string.Join("  ", row.Select((cell, column) => cell.PadRight(widths[column]))).TrimEnd());
        }
    }
}
