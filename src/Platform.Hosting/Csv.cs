using System.Globalization;
using System.Text;

namespace Platform.Hosting;

/// <summary>
/// Semicolon-separated values, as CBS and Dutch spreadsheets read them: a header row, one row per record,
/// numbers with a decimal point (invariant culture), empty for unknown, text quoted when it holds a separator.
/// Text that a spreadsheet would read as a formula (starting with <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, a tab or a
/// carriage return) gets a leading apostrophe, so names a user typed open as text, never as a formula.
/// </summary>
public static class Csv
{
    public const string ContentType = "text/csv; charset=utf-8";

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
        double d => Math.Round(d, 4).ToString(CultureInfo.InvariantCulture),
        DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTimeOffset time => time.ToString("O", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => Quote(Neutralise(value.ToString() ?? string.Empty)),
    };

    private static string Neutralise(string text) =>
        text.Length > 0 && FormulaStarts.Contains(text[0]) ? "'" + text : text;

    private const string FormulaStarts = "=+-@\t\r";

    private static string Quote(string text) =>
        text.AsSpan().IndexOfAny(";\"\r\n") >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
}
