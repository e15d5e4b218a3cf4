using System.Globalization;

namespace Platform.Portal.Services;

/// <summary>
/// Dutch notation for what users read: 1.234,5 and € 1.234,56, dates as 5 december 2026. Written out here
/// because the platform runs with invariant globalization (no ICU culture data).
/// </summary>
public static class Dutch
{
    private static readonly string[] Months =
        ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"];

    public static readonly NumberFormatInfo Numbers = new()
    {
        NumberDecimalSeparator = ",",
        NumberGroupSeparator = ".",
        CurrencyDecimalSeparator = ",",
        CurrencyGroupSeparator = ".",
        CurrencySymbol = "€",
        CurrencyPositivePattern = 2, // € 1,00
        CurrencyNegativePattern = 12, // € -1,00
        PercentDecimalSeparator = ",",
        PercentGroupSeparator = ".",
        NegativeSign = "-",
    };

    public static string Number(double value, int decimals = 0) => value.ToString("N" + decimals, Numbers);

    public static string Number(long value) => value.ToString("N0", Numbers);

    public static string Euro(decimal value) => value.ToString("C2", Numbers);

    public static string Percent(double fraction, int decimals = 1) => Number(fraction * 100, decimals) + " %";

    /// <summary>An amount typed the Dutch way (1.250.000,50, with or without €); dots group thousands, the comma is the decimal sign.</summary>
    public static bool TryParseAmount(string? text, out decimal amount)
    {
        var plain = (text ?? "").Replace("€", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal)
            .Replace(".", "", StringComparison.Ordinal).Replace(',', '.');
        return decimal.TryParse(plain, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out amount);
    }

    public static string Date(DateOnly date) => $"{date.Day} {Months[date.Month - 1]} {date.Year}";

    public static string Date(DateTimeOffset moment) =>
        $"{Date(DateOnly.FromDateTime(moment.ToLocalTime().DateTime))} {moment.ToLocalTime():HH:mm}";
}
