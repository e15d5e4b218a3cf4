namespace Platform.Referrals.Domain.Intake;

/// <summary>Where the client was referred to; most destinations outside the base team can be cost shifting ("afwenteling").</summary>
public enum DestinationType
{
    Unspecified = 0,

    /// <summary>A supplementary care category of the contract ("aanvullende zorg", a category of the "vierkantbekostiging").</summary>
    SupplementaryCareCategory = 1,

    /// <summary>Specialist youth care ("specialistische jeugdhulp").</summary>
    SpecialistYouthCare = 2,

    /// <summary>Long-term care act ("Wet langdurige zorg", Wlz), paid outside the municipality.</summary>
    LongTermCareAct = 3,

    /// <summary>Health insurance act ("Zorgverzekeringswet", Zvw), paid by the health insurer.</summary>
    HealthInsuranceAct = 4,

    /// <summary>Personal budget ("persoonsgebonden budget", PGB): the client buys care; outflow signals the offer falls short.</summary>
    PersonalBudget = 5,

    /// <summary>Debt help ("schuldhulpverlening").</summary>
    DebtHelp = 6,

    /// <summary>Another municipal domain, such as income support or housing ("ander gemeentelijk domein").</summary>
    OtherMunicipalDomain = 7,

    Other = 8,
}
