namespace Platform.Contracts.Domain;

/// <summary>Free text never carries a citizen service number: nine digits passing the eleven test are refused.</summary>
internal static class FreeText
{
    public static bool ContainsBsnLikeNumber(string text)
    {
        var digits = new List<int>();
        for (var i = 0; i <= text.Length; i++)
        {
            if (i < text.Length && char.IsAsciiDigit(text[i]))
            {
                digits.Add(text[i] - '0');
                continue;
            }

            if (digits.Count is 8 or 9 && PassesElevenTest(digits))
            {
                return true;
            }

            digits.Clear();
        }

        return false;
    }

    private static bool PassesElevenTest(List<int> digits)
    {
        var nine = digits.Count == 8 ? digits.Prepend(0).ToList() : digits;
        var sum = 0;
        for (var i = 0; i < 8; i++)
        {
            sum += nine[i] * (9 - i);
        }

        sum -= nine[8];
        return sum % 11 == 0 && nine.Any(d => d != 0);
    }
}
