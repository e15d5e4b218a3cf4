namespace Platform.Security;

/// <summary>
/// The citizen service number ("burgerservicenummer", BSN). The platform never stores one: it only recognises a
/// BSN so that any field holding one can be refused.
/// </summary>
public static class Bsn
{
    /// <summary>The most separator characters between two groups of digits that still read as one number.</summary>
    private const int MaxSeparatorRun = 2;

    /// <summary>
    /// Whether <paramref name="text"/> holds a BSN anywhere: the whole value (eight or nine digits once separators
    /// are dropped), or nine digits inside other text, written in one piece or in small groups separated by up to
    /// two characters that are neither letters nor digits (<c>111 222 333</c>, <c>111_222_333</c>,
    /// <c>bsn111222333</c>, <c>BSN: 1112.22.333</c>). Digits are never cut out of a longer group, so
    /// <c>R-2024-111222333</c> is found while the ten digits of <c>1234567820</c> are not read as a BSN.
    /// </summary>
    public static bool IsIn(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        if (IsValid(Digits(text)) && text.All(c => !char.IsLetter(c)))
        {
            return true;
        }

        foreach (var run in DigitGroupRuns(text))
        {
            // A group of nine digits is a candidate, and so is a stretch of consecutive groups of two to four digits
            // that add up to nine: the ways people write a BSN (123 456 782, 1234.56.782, 12.34.56.782). An eight-digit
            // code followed by "-3" is not among them, so identifiers such as BU04840102-3 are left alone.
            for (var first = 0; first < run.Count; first++)
            {
                if (run[first].Length == 9 && IsValid(run[first]))
                {
                    return true;
                }

                var digits = string.Empty;
                for (var last = first; last < run.Count && run[last].Length is >= 2 and <= 4 && digits.Length < 9; last++)
                {
                    digits += run[last];
                    if (digits.Length == 9 && IsValid(digits))
                    {
                        return true;
                    }
                }
            }
        }

        return false;
    }

    /// <summary>
    /// Whether <paramref name="text"/> is a valid BSN: nine digits passing the eleven-test ("elfproef"),
    /// Σ digitᵢ·wᵢ with weights 9, 8, 7, 6, 5, 4, 3, 2, −1 divisible by 11, and not all zeros. Eight digits
    /// count too, read with a leading zero, because older BSNs are written that way.
    /// </summary>
    public static bool IsValid(string? text)
    {
        if (text is null || text.Length is not (8 or 9))
        {
            return false;
        }

        // An eight-digit number is the nine-digit one with its leading zero dropped; that zero weighs nothing.
        var offset = 9 - text.Length;
        var sum = 0;
        var allZero = true;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is < '0' or > '9')
            {
                return false;
            }

            var digit = c - '0';
            allZero &= digit == 0;
            var position = i + offset;
            sum += digit * (position == 8 ? -1 : 9 - position);
        }

        return !allZero && sum % 11 == 0;
    }

    private static string Digits(string text) => string.Concat(text.Where(char.IsAsciiDigit));

    /// <summary>Groups of digits, gathered into runs where only short stretches of separators lie between them.</summary>
    private static List<List<string>> DigitGroupRuns(string text)
    {
        var runs = new List<List<string>>();
        var current = new List<string>();
        var i = 0;
        while (i < text.Length)
        {
            if (char.IsAsciiDigit(text[i]))
            {
                var start = i;
                while (i < text.Length && char.IsAsciiDigit(text[i]))
                {
                    i++;
                }

                current.Add(text[start..i]);
                continue;
            }

            var separatorStart = i;
            while (i < text.Length && !char.IsAsciiDigit(text[i]) && !char.IsLetter(text[i]))
            {
                i++;
            }

            var brokeOnLetter = i < text.Length && char.IsLetter(text[i]);
            if (i - separatorStart > MaxSeparatorRun || brokeOnLetter || i == separatorStart)
            {
                if (current.Count > 0)
                {
                    runs.Add(current);
                    current = [];
                }

                if (i == separatorStart)
                {
                    i++; // a letter
                }
            }
        }

        if (current.Count > 0)
        {
            runs.Add(current);
        }

        return runs;
    }
}
