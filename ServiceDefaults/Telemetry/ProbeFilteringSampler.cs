using System.Diagnostics;
using OpenTelemetry.Trace;

namespace Platform.ServiceDefaults.Telemetry;

/// <summary>
/// Drops server spans of health probes. The orchestrator calls /health and /alive every few seconds;
/// recording them would bury real requests. Deciding at sampling time (rather than dropping at the end)
/// also leaves the probe's children, such as the database check's query, unsampled under a parent-based sampler.
/// </summary>
/// <remarks>
/// ASP.NET Core passes <c>url.path</c> to samplers only when the
/// <c>Microsoft.AspNetCore.Hosting.SuppressActivityOpenTelemetryData</c> switch is off (see <see cref="TelemetryRegistration"/>).
/// </remarks>
internal sealed class ProbeFilteringSampler(Sampler inner, IReadOnlyCollection<string> probePaths) : Sampler
{
    private static readonly SamplingResult Drop = new(SamplingDecision.Drop);

    public override SamplingResult ShouldSample(in SamplingParameters samplingParameters) =>
        samplingParameters.Kind == ActivityKind.Server && IsProbe(samplingParameters.Tags)
            ? Drop
            : inner.ShouldSample(samplingParameters);

    private bool IsProbe(IEnumerable<KeyValuePair<string, object?>>? tags)
    {
        foreach (var tag in tags ?? [])
        {
            if (tag.Key == "url.path" && tag.Value is string path)
            {
                return probePaths.Contains(path.TrimEnd('/'), StringComparer.OrdinalIgnoreCase);
            }
        }

        return false;
    }
}
