namespace Platform.ServiceDefaults.Resilience;

/// <summary>
/// Resilience of outgoing HTTP calls, bound from configuration section <c>HttpResilience</c>; a client can
/// override any value under <c>HttpResilience:Clients:&lt;client name&gt;</c> or with
/// <c>services.Configure&lt;HttpResilienceOptions&gt;("name", ...)</c>. The defaults are those of .NET's
/// standard resilience handler, which is not available to us.
/// </summary>
public sealed class HttpResilienceOptions
{
    public const string SectionName = "HttpResilience";

    /// <summary>False sends requests without any of this, e.g. for streams or long polling. Default true.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The whole call, all attempts and the waits between them included. Default 30 s.</summary>
    public TimeSpan TotalRequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>One attempt; a timed-out attempt counts as a transient failure. Default 10 s.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    public HttpRetryOptions Retry { get; } = new();

    public HttpCircuitBreakerOptions CircuitBreaker { get; } = new();
}

/// <summary>
/// Retries of idempotent requests (GET, HEAD, OPTIONS, PUT, DELETE, TRACE) after a connection failure,
/// a timed-out attempt, 408, 429 or a 5xx.
/// </summary>
public sealed class HttpRetryOptions
{
    /// <summary>Retries after the first attempt; 0 turns retrying off. Default 3.</summary>
    public int MaxAttempts { get; set; } = 3;

    /// <summary>First wait; it doubles with each retry, with jitter. Default 2 s.</summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Longest wait, also for a server's Retry-After. Default 30 s.</summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(30);
}

/// <summary>Stops calling a failing service for a while, per HttpClient name.</summary>
public sealed class HttpCircuitBreakerOptions
{
    /// <summary>Share of failed attempts in the sampling window that opens the circuit. Default 0.1.</summary>
    public double FailureRatio { get; set; } = 0.1;

    /// <summary>Attempts in the window before the ratio counts at all. Default 100.</summary>
    public int MinimumThroughput { get; set; } = 100;

    /// <summary>Default 30 s.</summary>
    public TimeSpan SamplingDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long calls fail fast before one is let through to test the service. Default 5 s.</summary>
    public TimeSpan BreakDuration { get; set; } = TimeSpan.FromSeconds(5);
}
