namespace Platform.ServiceDefaults.Telemetry;

/// <summary>
/// The built-in sources the platform listens to. Without the OpenTelemetry instrumentation packages
/// these are the names the libraries themselves emit under.
/// </summary>
internal static class TelemetrySources
{
    public static readonly string[] ActivitySources =
    [
        "Microsoft.AspNetCore",
        "System.Net.Http",
        "Npgsql",
        "MassTransit",
        PlatformTelemetry.SourceName,
        PlatformTelemetry.SourceName + ".*",
    ];

    public static readonly string[] Meters =
    [
        "Microsoft.AspNetCore.Hosting",
        "Microsoft.AspNetCore.Server.Kestrel",
        "Microsoft.AspNetCore.Routing",
        "Microsoft.AspNetCore.Diagnostics",
        "Microsoft.AspNetCore.RateLimiting",
        "System.Net.Http",
        "System.Net.NameResolution",
        "System.Runtime",
        "Npgsql",
        "MassTransit",
        PlatformTelemetry.SourceName,
        PlatformTelemetry.SourceName + ".*",
    ];
}
