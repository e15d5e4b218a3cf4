using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Platform.Referrals.Domain.Monitoring;

/// <summary>A period in JSON is its name, <c>2026-03</c>, <c>2026-Q1</c> or <c>2026</c>, as users read it.</summary>
public sealed class ReportingPeriodJsonConverter : JsonConverter<ReportingPeriod>
{
    public override ReportingPeriod Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.GetString() ?? throw new JsonException("A period is a string.");
        return text switch
        {
            { Length: 4 } when int.TryParse(text, CultureInfo.InvariantCulture, out var year) =>
                ReportingPeriod.Of(new DateOnly(year, 1, 1), PeriodKind.Year),
            { Length: 7 } when text[5] == 'Q' && int.TryParse(text[..4], CultureInfo.InvariantCulture, out var year) && text[6] is >= '1' and <= '4' =>
                ReportingPeriod.Of(new DateOnly(year, ((text[6] - '1') * 3) + 1, 1), PeriodKind.Quarter),
            _ when DateOnly.TryParseExact(text + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month) =>
                ReportingPeriod.Of(month, PeriodKind.Month),
            _ => throw new JsonException($"'{text}' is not a period such as 2026-03, 2026-Q1 or 2026."),
        };
    }

    public override void Write(Utf8JsonWriter writer, ReportingPeriod value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        writer.WriteStringValue(value.ToString());
    }
}
