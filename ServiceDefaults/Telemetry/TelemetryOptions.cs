namespace Platform.ServiceDefaults.Telemetry;

/// <summary>
/// Extra trace sources and meters a service wants exported, on top of ASP.NET Core, HttpClient,
/// Npgsql, MassTransit, the runtime and <c>Platform.*</c>. Names may end in <c>*</c>.
/// </summary>
/// <example><c>builder.Services.Configure&lt;TelemetryOptions&gt;(o => o.ActivitySources.Add("Quartz"));</c></example>
public sealed class TelemetryOptions
{
    public IList<string> ActivitySources { get; } = [];

    public IList<string> Meters { get; } = [];
}
