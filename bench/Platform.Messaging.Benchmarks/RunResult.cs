namespace Platform.Messaging.Benchmarks;

public sealed record RunResult(int Events, TimeSpan Elapsed, long Lost = 0, long Doubled = 0)
{
    public double PerSecond => Events / Elapsed.TotalSeconds;
}
