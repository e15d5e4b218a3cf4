namespace Platform.Referrals.Domain.Intake;

/// <summary>
/// Who referred the client ("verwijzer"), the iJw code list COD327 as used in the 315 message; the numeric
/// value is the code, so <c>01</c> is <see cref="Municipality"/>. Code 07 is not in use.
/// </summary>
public enum ReferrerType
{
    Unspecified = 0,

    /// <summary>Municipality ("gemeente"), code 01.</summary>
    Municipality = 1,

    /// <summary>General practitioner ("huisarts"), code 02.</summary>
    GeneralPractitioner = 2,

    /// <summary>Youth doctor ("jeugdarts"), code 03.</summary>
    YouthDoctor = 3,

    /// <summary>Certified institution ("gecertificeerde instelling"), code 04.</summary>
    CertifiedInstitution = 4,

    /// <summary>Medical specialist ("medisch specialist"), code 05.</summary>
    MedicalSpecialist = 5,

    /// <summary>Self-referral ("zelfverwijzer"), code 06.</summary>
    SelfReferral = 6,

    /// <summary>Court or justice ("rechter, officier van justitie, justitiële jeugdinrichting"), code 08.</summary>
    Justice = 8,
}

public static class ReferrerTypeCodes
{
    /// <summary>The two-digit COD327 code, e.g. <c>02</c> for a general practitioner.</summary>
    public static string ToCode(this ReferrerType type) =>
        IsKnown(type) ? ((int)type).ToString("00", System.Globalization.CultureInfo.InvariantCulture)
            : throw new ArgumentOutOfRangeException(nameof(type), type, "Not a COD327 referrer type.");

    /// <summary>Reads a COD327 code (<c>01</c> … <c>08</c>); false for anything else, including 07.</summary>
    public static bool TryParseCode(string? code, out ReferrerType type)
    {
        type = ReferrerType.Unspecified;
        if (code is not { Length: 2 } || code[0] != '0' || code[1] is < '1' or > '9')
        {
            return false;
        }

        var candidate = (ReferrerType)(code[1] - '0');
        if (!IsKnown(candidate))
        {
            return false;
        }

        type = candidate;
        return true;
    }

    internal static bool IsKnown(ReferrerType type) => type != ReferrerType.Unspecified && Enum.IsDefined(type);
}
