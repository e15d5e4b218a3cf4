using System.Collections.ObjectModel;
using System.Collections.Frozen;

namespace Platform.Populations.Domain.Characteristics;

// The catalogue: one line per characteristic. Static fields initialise in textual order, so the list comes
// first and a base must be declared above the characteristics that use it.
public sealed partial class Characteristic
{
    private static readonly List<Characteristic> Catalogue = [];

    /// <summary>Inhabitants ("aantal inwoners").</summary>
    public static readonly Characteristic Inhabitants = Count("inhabitants", "Inhabitants");

    /// <summary>Inhabitants aged 0 to 14 ("0 tot 15 jaar").</summary>
    public static readonly Characteristic Age0To14 = Count("age_0_14", "Inhabitants aged 0-14");

    /// <summary>Inhabitants aged 15 to 24 ("15 tot 25 jaar").</summary>
    public static readonly Characteristic Age15To24 = Count("age_15_24", "Inhabitants aged 15-24");

    /// <summary>Inhabitants aged 25 to 44 ("25 tot 45 jaar").</summary>
    public static readonly Characteristic Age25To44 = Count("age_25_44", "Inhabitants aged 25-44");

    /// <summary>Inhabitants aged 45 to 64 ("45 tot 65 jaar").</summary>
    public static readonly Characteristic Age45To64 = Count("age_45_64", "Inhabitants aged 45-64");

    /// <summary>Inhabitants aged 65 or older ("65 jaar of ouder").</summary>
    public static readonly Characteristic Age65Plus = Count("age_65_plus", "Inhabitants aged 65+");

    /// <summary>Private households ("huishoudens totaal").</summary>
    public static readonly Characteristic Households = Count("households", "Households");

    /// <summary>Households with children living at home ("huishoudens met kinderen").</summary>
    public static readonly Characteristic HouseholdsWithChildren = Count("households_with_children", "Households with children");

    /// <summary>Persons aged 15 to 75 with a low education level ("opleidingsniveau laag").</summary>
    public static readonly Characteristic EducationLow = Count("education_low", "Persons 15-75 with low education");

    /// <summary>Persons aged 15 to 75 with a middle education level ("opleidingsniveau middelbaar").</summary>
    public static readonly Characteristic EducationMiddle = Count("education_middle", "Persons 15-75 with middle education");

    /// <summary>Persons aged 15 to 75 with a high education level ("opleidingsniveau hoog").</summary>
    public static readonly Characteristic EducationHigh = Count("education_high", "Persons 15-75 with high education");

    /// <summary>Persons on social assistance under the Participatiewet ("bijstand").</summary>
    public static readonly Characteristic SocialAssistanceRecipients = Count("social_assistance_recipients", "Social assistance recipients");

    /// <summary>Persons using care under the Wmo ("Wmo-cliënten").</summary>
    public static readonly Characteristic WmoClients = Count("wmo_clients", "Wmo clients");

    /// <summary>Young people using youth care under the Jeugdwet ("jongeren met jeugdzorg in natura").</summary>
    public static readonly Characteristic YouthCareClients = Count("youth_care_clients", "Youth care clients");

    /// <summary>Share of inhabitants who are socially isolated ("sociaal isolement").</summary>
    public static readonly Characteristic SocialIsolationShare = Share("social_isolation_share", "Socially isolated share", Inhabitants);

    /// <summary>Share of households at or around the social minimum ("huishoudens onder of rond sociaal minimum").</summary>
    public static readonly Characteristic LowIncomeHouseholdsShare = Share("low_income_households_share", "Low-income households share", Households);

    /// <summary>CBS socio-economic status score ("SES-WOA-score"), about 0 for the Dutch average.</summary>
    public static readonly Characteristic SesScore = MeanScore("ses_score", "Socio-economic status score", Households);

    // Last, so that it sees every characteristic above; it also rejects a key used twice.
    private static readonly ReadOnlyCollection<Characteristic> ReadOnlyCatalogue = Catalogue.AsReadOnly();

    private static readonly FrozenDictionary<string, Characteristic> ByKey = Catalogue.ToFrozenDictionary(c => c.Key);
}
