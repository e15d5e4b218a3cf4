using Platform.Populations.Domain.Characteristics;

namespace Platform.Populations.Import;

/// <summary>How a CBS column states its value.</summary>
internal enum CbsUnit
{
    /// <summary>The value as is: a count or a score.</summary>
    Plain,

    /// <summary>A percentage (0 to 100), stored as a fraction.</summary>
    Percent,
}

internal sealed record CbsColumn(string Stem, Characteristic Characteristic, CbsUnit Unit);

/// <summary>
/// The columns of "Kerncijfers wijken en buurten" by stem: the column name without the <c>_&lt;number&gt;</c>
/// suffix, which CBS renumbers in every edition. Stems not listed here are ignored.
/// </summary>
internal static class CbsColumns
{
    /// <summary>The area's name; in this table the dimension column carries the name, not the code.</summary>
    public const string Name = "WijkenEnBuurten";

    public const string Code = "Codering";

    public const string Level = "SoortRegio";

    public const string MunicipalityName = "Gemeentenaam";

    public static IReadOnlyList<string> Required { get; } = [Code, Level, Name];

    /// <summary>
    /// Characteristic columns. Two stems may give one characteristic (a CBS name and an older or shorter
    /// one); a file holding both is refused because it is unclear which to trust.
    /// </summary>
    public static IReadOnlyList<CbsColumn> Characteristics { get; } =
    [
        new("AantalInwoners", Characteristic.Inhabitants, CbsUnit.Plain),
        new("k_0Tot15Jaar", Characteristic.Age0To14, CbsUnit.Plain),
        new("k_15Tot25Jaar", Characteristic.Age15To24, CbsUnit.Plain),
        new("k_25Tot45Jaar", Characteristic.Age25To44, CbsUnit.Plain),
        new("k_45Tot65Jaar", Characteristic.Age45To64, CbsUnit.Plain),
        new("k_65JaarOfOuder", Characteristic.Age65Plus, CbsUnit.Plain),
        new("HuishoudensTotaal", Characteristic.Households, CbsUnit.Plain),
        new("HuishoudensMetKinderen", Characteristic.HouseholdsWithChildren, CbsUnit.Plain),
        new("OpleidingsniveauLaag", Characteristic.EducationLow, CbsUnit.Plain),
        new("OpleidingsniveauMiddelbaar", Characteristic.EducationMiddle, CbsUnit.Plain),
        new("OpleidingsniveauHoog", Characteristic.EducationHigh, CbsUnit.Plain),
        new("PersonenPerSoortUitkeringBijstand", Characteristic.SocialAssistanceRecipients, CbsUnit.Plain),
        new("WmoClienten", Characteristic.WmoClients, CbsUnit.Plain),

        // CBS's name for the number of young people with youth care; JeugdzorgClienten is accepted as well.
        new("JongerenMetJeugdzorgInNatura", Characteristic.YouthCareClients, CbsUnit.Plain),
        new("JeugdzorgClienten", Characteristic.YouthCareClients, CbsUnit.Plain),
        new("SociaalIsolementPercentage", Characteristic.SocialIsolationShare, CbsUnit.Percent),
        new("HuishOnderOfRondSociaalMinimum", Characteristic.LowIncomeHouseholdsShare, CbsUnit.Percent),

        // The SES-WOA score comes from a separate CBS table; joined onto this layout it goes by this stem.
        new("GemiddeldeSESWOAScore", Characteristic.SesScore, CbsUnit.Plain),
        new("SESWOA", Characteristic.SesScore, CbsUnit.Plain),
    ];

    /// <summary>The name without a trailing <c>_&lt;digits&gt;</c>: <c>k_0Tot15Jaar_8</c> becomes <c>k_0Tot15Jaar</c>.</summary>
    public static string Stem(string columnName)
    {
        var underscore = columnName.LastIndexOf('_');
        if (underscore <= 0 || underscore == columnName.Length - 1)
        {
            return columnName;
        }

        foreach (var c in columnName.AsSpan(underscore + 1))
        {
            if (!char.IsAsciiDigit(c))
            {
                return columnName;
            }
        }

        return columnName[..underscore];
    }
}
