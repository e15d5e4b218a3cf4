using System.Text.Json;
using System.Text.Json.Serialization;
using Platform.Referrals.Domain.Monitoring;
using Platform.Referrals.Domain.Signals;

namespace Platform.Referrals.Benchmarks;

/// <summary>
/// <c>SignalStore.InsertAsync</c> serialises a raised signal's figures with <see cref="SignalNames.Json"/>, whose
/// defaults follow <see cref="ReportingPeriod"/>'s derived properties (<c>Previous</c>, <c>Next</c>,
/// <c>SameLastYear</c>) without end, so System.Text.Json stops at depth 64 and every run that raises a signal throws.
/// The benchmark shows that failure on a copy of the service's options and, only while it happens, writes a period
/// as its name (<c>2026-03</c>) so that the computation can be timed at all.
/// </summary>
internal static class PeriodJson
{
    /// <summary>The error the service's options give for a period, or null once they handle one.</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1869:Cache and reuse JsonSerializerOptions",
        Justification = "Called once per run; a copy is the point.")]
    public static string? FailureWithServiceOptions()
    {
        // A copy: the service's own options lock on first use, and the converter may still have to be added to them.
        var copy = new JsonSerializerOptions(SignalNames.Json);
        try
        {
            JsonSerializer.Serialize(ReportingPeriod.Of(new DateOnly(2026, 3, 1), PeriodKind.Month), copy);
            return null;
        }
        catch (JsonException e)
        {
            return e.Message;
        }
    }

    public static void WriteAsName() => SignalNames.Json.Converters.Add(new NameConverter());

    private sealed class NameConverter : JsonConverter<ReportingPeriod>
    {
        public override ReportingPeriod Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            throw new NotSupportedException("The benchmark only writes signals.");

        public override void Write(Utf8JsonWriter writer, ReportingPeriod value, JsonSerializerOptions options) =>
            writer.WriteStringValue(value.ToString());
    }
}
