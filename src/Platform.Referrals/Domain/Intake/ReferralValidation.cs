using System.Buffers;
using Platform.Security;

namespace Platform.Referrals.Domain.Intake;

/// <summary>
/// Checks a submitted referral field by field and reports every violation at once, with the field path the
/// provider used, so a provider system can fix all of them in one go.
/// </summary>
public static class ReferralValidation
{
    public const int MaxIdentifierLength = 64;
    public const int MaxTeamLength = 100;

    /// <summary>The Jeugdwet and the Wmo 2015 took effect on this day; no referral under them is older.</summary>
    public static readonly DateOnly EarliestReferralDate = new(2015, 1, 1);

    private static readonly SearchValues<char> IdentifierCharacters =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._-");

    /// <summary>
    /// Validates one referral. <paramref name="today"/> is the date in the Netherlands when it arrives;
    /// <paramref name="prefix"/> is put before each field name, e.g. <c>referrals[3]</c>.
    /// </summary>
    public static Validated<Referral> Validate(ReferralSubmission submission, DateOnly today, string prefix = "")
    {
        ArgumentNullException.ThrowIfNull(submission);
        ArgumentNullException.ThrowIfNull(prefix);
        var errors = new ViolationCollector(prefix);

        CheckIdentifier(errors, "referral_id", submission.ReferralId);
        CheckClientReference(errors, submission.ClientReference);
        if (!NeighbourhoodCode.TryParse(submission.NeighbourhoodCode, out var neighbourhood))
        {
            errors.Add("neighbourhood_code", "A CBS neighbourhood code is required: BU, four digits of the municipality, then four digits or letters, e.g. BU04840102.");
        }

        CheckEnum(errors, "age_band", submission.AgeBand, "an age band");
        CheckReferralDate(errors, submission.ReferralDate, today);
        CheckTeam(errors, submission.ReferringTeam);
        if (!ReferrerTypeCodes.IsKnown(submission.ReferrerType))
        {
            errors.Add("referrer_type", "A referrer type from COD327 is required: 01, 02, 03, 04, 05, 06 or 08.");
        }

        CheckEnum(errors, "destination_type", submission.DestinationType, "a destination type");
        CheckEnum(errors, "life_domain", submission.LifeDomain, "one of the 13 ZRM life domains");
        CheckEnum(errors, "urgency", submission.Urgency, "an urgency");

        if (errors.Any)
        {
            return Validated<Referral>.Invalid(errors.Violations);
        }

        return Validated<Referral>.Valid(new Referral(
            submission.ReferralId!,
            submission.ClientReference!,
            neighbourhood!,
            submission.AgeBand,
            submission.ReferralDate!.Value,
            submission.ReferringTeam!.Trim(),
            submission.ReferrerType,
            submission.DestinationType,
            submission.LifeDomain,
            submission.Urgency));
    }

    internal static void CheckIdentifier(ViolationCollector errors, string field, string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            errors.Add(field, "Required.");
        }
        else if (value.Length > MaxIdentifierLength)
        {
            errors.Add(field, $"At most {MaxIdentifierLength} characters.");
        }
        else if (Bsn.IsIn(value))
        {
            errors.Add(field, BsnRefused);
        }
        else if (value.AsSpan().ContainsAnyExcept(IdentifierCharacters))
        {
            errors.Add(field, "Only letters A-Z and a-z, digits, '.', '_' and '-'.");
        }
    }

    // The message never repeats the value: violations end up in logs and responses.
    private const string BsnRefused =
        "Holds a citizen service number (BSN); send a pseudonymous value instead. Nothing of this item was stored.";

    private static void CheckClientReference(ViolationCollector errors, string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            errors.Add("client_reference", "Required.");
        }
        else if (value.Length > MaxIdentifierLength)
        {
            errors.Add("client_reference", $"At most {MaxIdentifierLength} characters.");
        }
        else if (Bsn.IsIn(value))
        {
            errors.Add("client_reference", BsnRefused);
        }
    }

    private static void CheckReferralDate(ViolationCollector errors, DateOnly? date, DateOnly today)
    {
        if (date is not { } value)
        {
            errors.Add("referral_date", "Required.");
        }
        else if (value > today)
        {
            errors.Add("referral_date", "Lies in the future.");
        }
        else if (value < EarliestReferralDate)
        {
            errors.Add("referral_date", "Lies before 2015-01-01, when the Jeugdwet and the Wmo 2015 took effect.");
        }
    }

    private static void CheckTeam(ViolationCollector errors, string? team)
    {
        var trimmed = team?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            errors.Add("referring_team", "Required.");
        }
        else if (trimmed.Length > MaxTeamLength)
        {
            errors.Add("referring_team", $"At most {MaxTeamLength} characters.");
        }
        else if (Bsn.IsIn(trimmed))
        {
            errors.Add("referring_team", BsnRefused);
        }
    }

    internal static void CheckEnum<T>(ViolationCollector errors, string field, T value, string what)
        where T : struct, Enum
    {
        if (Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture) == 0 || !Enum.IsDefined(value))
        {
            errors.Add(field, $"Required: {what}.");
        }
    }
}
