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

    public static string Date(DateOnly date) => $"{date.Day} {Months[date.Month - 1]} {date.Year}";

    public static string Date(DateTimeOffset moment) =>
        $"{Date(DateOnly.FromDateTime(moment.ToLocalTime().DateTime))} {moment.ToLocalTime():HH:mm}";
}
