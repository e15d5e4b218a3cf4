using Microsoft.Extensions.Logging;

namespace Platform.ServiceDefaults.Resilience;

internal static partial class ResilienceLog
{
    [LoggerMessage(1, LogLevel.Warning, "HTTP client '{ClientName}' retries (attempt {Attempt}) in {Delay} after {Failure}")]
    public static partial void Retrying(ILogger logger, string clientName, int attempt, TimeSpan delay, string failure);

    [LoggerMessage(2, LogLevel.Warning, "HTTP client '{ClientName}' stops calling for {BreakDuration} after {Failure}")]
    public static partial void CircuitOpened(ILogger logger, string clientName, TimeSpan breakDuration, string failure);

    [LoggerMessage(3, LogLevel.Information, "HTTP client '{ClientName}' calls again: the circuit is closed")]
    public static partial void CircuitClosed(ILogger logger, string clientName);
}
