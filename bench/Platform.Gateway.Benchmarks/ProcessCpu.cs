using System.Globalization;

namespace Platform.Gateway.Benchmarks;

/// <summary>
/// CPU time (user + system) a server process and its direct children (nginx's workers) have used, read from
/// <c>/proc</c>. Per request it is a cost that depends far less on the machine's other load than requests/s do.
/// </summary>
internal static class ProcessCpu
{
    private const double TicksPerSecond = 100; // USER_HZ, 100 on every Linux this runs on

    public static TimeSpan Used(int processId) =>
        TimeSpan.FromSeconds(Children(processId).Prepend(processId).Sum(Ticks) / TicksPerSecond);

    /// <summary>Fields 14 and 15 of <c>/proc/&lt;pid&gt;/stat</c>, counted after the parenthesised command name.</summary>
    private static long Ticks(int processId)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{processId}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return 0; // a child that exited between listing and reading
        }
    }

    private static List<int> Children(int processId)
    {
        var tasks = $"/proc/{processId}/task";
        return !Directory.Exists(tasks) ? [] : Directory.EnumerateDirectories(tasks)
            .Select(task => Path.Combine(task, "children"))
            .Where(File.Exists)
            .SelectMany(file => File.ReadAllText(file).Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Select(id => int.Parse(id, CultureInfo.InvariantCulture))
            .ToList();
    }
}
