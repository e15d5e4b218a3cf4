using System.Globalization;
using OpenTelemetry.Trace;

namespace Platform.ServiceDefaults.Telemetry;

/// <summary>The sampler named by <c>OTEL_TRACES_SAMPLER</c> (and <c>OTEL_TRACES_SAMPLER_ARG</c>).</summary>
internal static class TraceSampling
{
    public static Sampler Create(string? name, string? argument) => name?.Trim() switch
    {
        // Aspire sets always_on in development so that every request shows up in the dashboard.
        "always_on" => new AlwaysOnSampler(),
        "always_off" => new AlwaysOffSampler(),
        "traceidratio" => new TraceIdRatioBasedSampler(Ratio(argument)),
        "parentbased_always_off" => new ParentBasedSampler(new AlwaysOffSampler()),
        "parentbased_traceidratio" => new ParentBasedSampler(new TraceIdRatioBasedSampler(Ratio(argument))),
        null or "" or "parentbased_always_on" => new ParentBasedSampler(new AlwaysOnSampler()),
        _ => throw new InvalidOperationException(
            $"OTEL_TRACES_SAMPLER '{name}' is not supported; use always_on, always_off, traceidratio or a parentbased_ variant."),
    };

    private static double Ratio(string? argument)
    {
        if (string.IsNullOrWhiteSpace(argument))
        {
            return 1.0;
        }

        return double.TryParse(argument, NumberStyles.Float, CultureInfo.InvariantCulture, out var ratio) && ratio is >= 0 and <= 1
            ? ratio
            : throw new InvalidOperationException($"OTEL_TRACES_SAMPLER_ARG '{argument}' is not a ratio between 0 and 1.");
    }
}
