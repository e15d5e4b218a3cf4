using System.Globalization;

namespace Platform.Populations.Import;

/// <summary>Where one field lies in a line: the text between its quotes when quoted, padding included.</summary>
internal readonly record struct FieldSpan(int Start, int Length, bool HasEscapedQuotes);

/// <summary>
/// Splits a semicolon-separated line into fields without allocating: a field may be quoted, a quote inside
/// quotes is doubled, and a quoted field may hold semicolons. Fields are located, not copied; callers
/// read them as spans and make strings only of the few they keep.
/// </summary>
internal static class SemicolonFields
{
    /// <summary>
    /// Fills <paramref name="fields"/> and returns the number of fields in the line (which may exceed the
    /// buffer; the extra fields are counted but not stored), or -1 when a quoted field is still open at the
    /// end of the line, i.e. it continues on the next one.
    /// </summary>
    public static int Split(ReadOnlySpan<char> line, Span<FieldSpan> fields)
    {
        var count = 0;
        var position = 0;
        while (true)
        {
            var start = position;
            while (start < line.Length && line[start] == ' ')
            {
                start++;
            }

            FieldSpan field;
            int end;
            if (start < line.Length && line[start] == '"')
            {
                if (!TryReadQuoted(line, start + 1, out field, out end))
                {
                    return -1;
                }
            }
            else
            {
                var separator = line[position..].IndexOf(';');
                end = separator < 0 ? line.Length : position + separator;
                field = new FieldSpan(position, end - position, false);
            }

            if (count < fields.Length)
            {
                fields[count] = field;
            }

            count++;
            if (end >= line.Length)
            {
                return count;
            }

            position = end + 1;
        }
    }

    /// <summary>The field's text; quotes doubled inside a quoted field become single.</summary>
    public static ReadOnlySpan<char> Text(ReadOnlySpan<char> line, FieldSpan field) =>
        line.Slice(field.Start, field.Length);

    public static string String(ReadOnlySpan<char> line, FieldSpan field)
    {
        var text = Text(line, field).Trim();
        return field.HasEscapedQuotes ? text.ToString().Replace("\"\"", "\"", StringComparison.Ordinal) : text.ToString();
    }

    /// <summary>
    /// Reads a number as CBS writes it: decimal comma or point, padding allowed. An empty field or CBS's
    /// suppression mark <c>.</c> is a known absence: true with a null value.
    /// </summary>
    public static bool TryParseNumber(ReadOnlySpan<char> text, out double? value)
    {
        text = text.Trim();
        value = null;
        if (text.IsEmpty || text is ".")
        {
            return true;
        }

        const NumberStyles Styles = NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent;
        var comma = text.IndexOf(',');
        if (comma >= 0)
        {
            if (text.Length > 64 || text.IndexOf('.') >= 0 || text[(comma + 1)..].IndexOf(',') >= 0)
            {
                return false;
            }

            Span<char> copy = stackalloc char[text.Length];
            text.CopyTo(copy);
            copy[comma] = '.';
            if (!double.TryParse(copy, Styles, CultureInfo.InvariantCulture, out var withComma))
            {
                return false;
            }

            value = withComma;
            return true;
        }

        if (!double.TryParse(text, Styles, CultureInfo.InvariantCulture, out var parsed))
        {
            return false;
        }

        value = parsed;
        return true;
    }

    private static bool TryReadQuoted(ReadOnlySpan<char> line, int contentStart, out FieldSpan field, out int end)
    {
        var escaped = false;
        var i = contentStart;
        while (true)
        {
            var quote = line[i..].IndexOf('"');
            if (quote < 0)
            {
                field = default;
                end = line.Length;
                return false;
            }

            i += quote;
            if (i + 1 < line.Length && line[i + 1] == '"')
            {
                escaped = true;
                i += 2;
                continue;
            }

            field = new FieldSpan(contentStart, i - contentStart, escaped);

            // Anything between the closing quote and the separator (normally nothing) is ignored.
            var separator = line[i..].IndexOf(';');
            end = separator < 0 ? line.Length : i + separator;
            return true;
        }
    }
}
