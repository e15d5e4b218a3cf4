namespace Platform.Referrals.Domain.Intake;

/// <summary>
/// The citizen service number ("burgerservicenummer", BSN). The platform never stores one: it only recognises a
/// BSN so that a client reference that is one can be refused.
/// </summary>
public static class Bsn
{
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
}
