using System.Globalization;

namespace Platform.Referrals.Benchmarks;

/// <summary>CPU seconds (user + system) used so far by this process, the gateway, the service and the PostgreSQL server.</summary>
internal sealed record CpuTime(double Bench, double Gateway, double Service, double Postgres)
{
    public double Total => Bench + Gateway + Service + Postgres;

    public static CpuTime operator -(CpuTime after, CpuTime before) =>
        new(after.Bench - before.Bench, after.Gateway - before.Gateway, after.Service - before.Service, after.Postgres - before.Postgres);

    public static CpuTime operator +(CpuTime a, CpuTime b) =>
        new(a.Bench + b.Bench, a.Gateway + b.Gateway, a.Service + b.Service, a.Postgres + b.Postgres);

    public CpuTime Per(double share) => new(Bench * share, Gateway * share, Service * share, Postgres * share);
}

/// <summary>
/// Reads the processes' CPU time from <c>/proc/&lt;pid&gt;/stat</c>. PostgreSQL is the postmaster with its children
/// (one backend per connection, the WAL writer, the checkpointer), including children that have exited.
/// </summary>
internal sealed class CpuMeter(Func<int?> gateway, Func<int?> service, Func<int?> postmaster)
{
    private static readonly double TicksPerSecond = 100; // USER_HZ on Linux

    public CpuTime Read()
    {
        var postgres = 0.0;
        if (postmaster() is { } pid)
        {
            postgres = Seconds(pid, withChildren: true);
            foreach (var directory in Directory.EnumerateDirectories("/proc"))
            {
                if (int.TryParse(Path.GetFileName(directory), NumberStyles.None, CultureInfo.InvariantCulture, out var child)
                    && Fields(child) is { } fields && fields[1] == pid.ToString(CultureInfo.InvariantCulture))
                {
                    postgres += Seconds(fields, withChildren: false);
                }
            }
        }

        return new CpuTime(Seconds(Environment.ProcessId, withChildren: false),
            gateway() is { } g ? Seconds(g, withChildren: false) : 0, service() is { } s ? Seconds(s, withChildren: false) : 0, postgres);
    }

    private static double Seconds(int pid, bool withChildren) => Fields(pid) is { } fields ? Seconds(fields, withChildren) : 0;

    // After the command's closing parenthesis: state (0), ppid (1), ... utime (11), stime (12), cutime (13), cstime (14).
    private static double Seconds(string[] fields, bool withChildren)
    {
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        if (withChildren)
        {
            ticks += long.Parse(fields[13], CultureInfo.InvariantCulture) + long.Parse(fields[14], CultureInfo.InvariantCulture);
        }

        return ticks / TicksPerSecond;
    }

    private static string[]? Fields(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }
}
