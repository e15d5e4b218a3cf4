namespace Platform.Referrals.Domain.Intake;

/// <summary>The life domain the referral is about: the 13 domains of the self-reliance matrix ("Zelfredzaamheid-Matrix", ZRM 2017).</summary>
public enum LifeDomain
{
    Unspecified = 0,

    /// <summary>"Financiën".</summary>
    Finances = 1,

    /// <summary>"Werk en opleiding".</summary>
    WorkAndEducation = 2,

    /// <summary>"Tijdsbesteding".</summary>
    TimeUse = 3,

    /// <summary>"Huisvesting".</summary>
    Housing = 4,

    /// <summary>"Huiselijke relaties".</summary>
    DomesticRelations = 5,

    /// <summary>"Geestelijke gezondheid".</summary>
    MentalHealth = 6,

    /// <summary>"Lichamelijke gezondheid".</summary>
    PhysicalHealth = 7,

    /// <summary>"Middelengebruik".</summary>
    SubstanceUse = 8,

    /// <summary>"Basale ADL" (basic activities of daily living).</summary>
    BasicAdl = 9,

    /// <summary>"Instrumentele ADL".</summary>
    InstrumentalAdl = 10,

    /// <summary>"Sociaal netwerk".</summary>
    SocialNetwork = 11,

    /// <summary>"Maatschappelijke participatie".</summary>
    SocialParticipation = 12,

    /// <summary>"Justitie".</summary>
    Justice = 13,
}
