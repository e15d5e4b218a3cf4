using System.Globalization;
using System.Text;

namespace Platform.Budgets.Reports;

/// <summary>
/// Semicolon-separated values as the platform's other exports write them (and a financial administration loads
/// them): a header row, numbers with a decimal point, empty for unknown, text quoted when it holds a separator, and
/// text a spreadsheet would read as a formula prefixed with an apostrophe.
/// </summary>
internal static class Csv
{
    public const string ContentType = "text/csv; charset=utf-8";

    private const string FormulaStarts = "=+-@\t\r";

    public static string Write<T>(IEnumerable<T> rows, params (string Header, Func<T, object?> Value)[] columns)
    {
        var text = new StringBuilder();
        text.AppendJoin(';', columns.Select(c => Field(c.Header))).Append("\r\n");
        foreach (var row in rows)
        {
            text.AppendJoin(';', columns.Select(c => Field(c.Value(row)))).Append("\r\n");
        }

        return text.ToString();
    }

    private static string Field(object? value) => value switch
    {
        null => string.Empty,
        // Amounts are euros: always two decimals, as a financial administration reads them.
        decimal amount => amount.ToString("0.00", CultureInfo.InvariantCulture),
        DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTimeOffset time => time.ToString("O", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => Quote(Neutralise(value.ToString() ?? string.Empty)),
    };

    private static string Neutralise(string text) => text.Length > 0 && FormulaStarts.Contains(text[0]) ? "'" + text : text;

    private static string Quote(string text) =>
        text.AsSpan().IndexOfAny(";\"\r\n") >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
}
