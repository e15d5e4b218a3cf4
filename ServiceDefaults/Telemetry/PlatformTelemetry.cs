using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Platform.ServiceDefaults.Telemetry;

/// <summary>
/// The platform's own trace source and meter. Sources and meters named <c>Platform</c> or
/// <c>Platform.*</c> are exported without further registration.
/// </summary>
public static class PlatformTelemetry
{
    public const string SourceName = "Platform";

    public static ActivitySource ActivitySource { get; } = new(SourceName);

    public static Meter Meter { get; } = new(SourceName);
}
