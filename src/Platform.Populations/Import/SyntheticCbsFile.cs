using System.Globalization;
using Platform.Populations.Domain;

namespace Platform.Populations.Import;

/// <summary>
/// Writes a made-up "Kerncijfers wijken en buurten" file in CBS's CSV layout (stems with edition suffixes,
/// semicolons, quoted and padded text, decimal commas, <c>.</c> where CBS suppresses small neighbourhoods)
/// for demo data and benchmarks. The same seed gives the same file. Municipality and district rows are the
/// sums of their neighbourhoods.
/// </summary>
public static class SyntheticCbsFile
{
    /// <summary>Below this many inhabitants a neighbourhood's sensitive figures are suppressed.</summary>
    public const int SuppressionThreshold = 100;

    /// <summary>Two-character parts with letters go from A0 to ZZ.</summary>
    public const int MaximumParts = 26 * 36;

    private const string Alphanumerics = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";

    private const string Header =
        "ID;WijkenEnBuurten;Gemeentenaam_1;SoortRegio_2;Codering_3;IndelingswijzigingWijkenEnBuurten_4;" +
        "AantalInwoners_5;Mannen_6;Vrouwen_7;k_0Tot15Jaar_8;k_15Tot25Jaar_9;k_25Tot45Jaar_10;k_45Tot65Jaar_11;" +
        "k_65JaarOfOuder_12;HuishoudensTotaal_28;HuishoudensMetKinderen_31;OpleidingsniveauLaag_64;" +
        "OpleidingsniveauMiddelbaar_65;OpleidingsniveauHoog_66;HuishOnderOfRondSociaalMinimum_79;" +
        "PersonenPerSoortUitkeringBijstand_80;JongerenMetJeugdzorgInNatura_84;WmoClienten_86;" +
        "SociaalIsolementPercentage_91;GemiddeldeSESWOAScore_92";

    /// <summary>
    /// Writes one municipality with <paramref name="districts"/> districts of
    /// <paramref name="neighbourhoodsPerDistrict"/> neighbourhoods each: 1 + d + d·n rows after the header.
    /// From 100 districts (or neighbourhoods) on, their code parts hold letters, as CBS allows.
    /// </summary>
    public static void Write(
        TextWriter writer, string municipalityCode, string municipalityName, int districts, int neighbourhoodsPerDistrict, int seed)
    {
        ArgumentNullException.ThrowIfNull(writer);
        var municipality = AreaCode.Parse(municipalityCode);
        if (municipality.Level != AreaLevel.Municipality)
        {
            throw new ArgumentException($"{municipalityCode} is not a municipality code.", nameof(municipalityCode));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(districts, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(districts, MaximumParts);
        ArgumentOutOfRangeException.ThrowIfLessThan(neighbourhoodsPerDistrict, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(neighbourhoodsPerDistrict, MaximumParts);

        // A seeded Random gives a repeatable file; nothing here needs to be unpredictable.
        var random = new Random(seed);
        var number = municipality.Value[2..];
        var neighbourhoods = Enumerable.Range(0, districts)
            .Select(_ => Enumerable.Range(0, neighbourhoodsPerDistrict).Select(_ => SyntheticArea.Neighbourhood(random)).ToArray())
            .ToArray();

        var row = new RowWriter(writer, municipalityName);
        writer.WriteLine(Header);
        row.Write(municipalityName, "Gemeente", municipality.Value, SyntheticArea.Sum(neighbourhoods.SelectMany(n => n)), suppress: false);
        for (var d = 0; d < districts; d++)
        {
            var district = Part(d, districts);
            row.Write($"Wijk {district} {municipalityName}", "Wijk", $"WK{number}{district}", SyntheticArea.Sum(neighbourhoods[d]), suppress: false);
            for (var n = 0; n < neighbourhoodsPerDistrict; n++)
            {
                var part = Part(n, neighbourhoodsPerDistrict);
                var area = neighbourhoods[d][n];

                // Now and then a name that needs quoting, as real names with semicolons and quotes do.
                var name = (d + n) % 7 == 3 ? $"Buurt {district}{part}; \"De Hoek\"" : $"Buurt {district}{part}";
                row.Write(name, "Buurt", $"BU{number}{district}{part}", area, suppress: area.Inhabitants < SuppressionThreshold);
            }
        }
    }

    /// <summary>The file as a string; see <see cref="Write"/>.</summary>
    public static string Create(string municipalityCode, string municipalityName, int districts, int neighbourhoodsPerDistrict, int seed)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        Write(writer, municipalityCode, municipalityName, districts, neighbourhoodsPerDistrict, seed);
        return writer.ToString();
    }

    /// <summary>The two-character district or neighbourhood part: digits 00-99 below 100 parts, A0-ZZ from 100 on.</summary>
    internal static string Part(int index, int count) =>
        count < 100
            ? index.ToString("00", CultureInfo.InvariantCulture)
            : string.Concat(Alphanumerics[10 + (index / 36)], Alphanumerics[index % 36]);

    private sealed class RowWriter(TextWriter writer, string municipalityName)
    {
        private int id;

        public void Write(string name, string level, string code, SyntheticArea area, bool suppress)
        {
            var men = area.Inhabitants / 2;
            writer.Write(id++.ToString(CultureInfo.InvariantCulture));
            Text(name);
            Text(municipalityName.PadRight(40));
            Text(level.PadRight(10));
            Text(code.PadRight(10));
            Count("1");
            Count(area.Inhabitants);
            Count(men);
            Count(area.Inhabitants - men);
            foreach (var band in area.AgeBands)
            {
                Count(band);
            }

            Count(area.Households);
            Count(area.HouseholdsWithChildren);
            Count(suppress ? null : area.EducationLow);
            Count(suppress ? null : area.EducationMiddle);
            Count(suppress ? null : area.EducationHigh);
            Percent(suppress ? null : (area.LowIncomeHouseholds, area.Households));
            Count(suppress ? null : area.SocialAssistanceRecipients);
            Count(suppress ? null : area.YouthCareClients);
            Count(suppress ? null : area.WmoClients);
            Percent(suppress ? null : (area.SociallyIsolated, area.Inhabitants));
            Decimal(suppress || area.Households == 0 ? null : area.SesScore, "0.000");
            writer.WriteLine();
        }

        private void Text(string text) => writer.Write($";\"{text.Replace("\"", "\"\"", StringComparison.Ordinal)}\"");

        private void Count(int? value) => Count(value?.ToString(CultureInfo.InvariantCulture));

        private void Count(string? text)
        {
            writer.Write(';');
            writer.Write(text ?? ".");
        }

        private void Percent((int Part, int Whole)? share) =>
            Decimal(share is { Whole: > 0 } s ? 100.0 * s.Part / s.Whole : null, "0.0");

        // CBS's CSV exports write decimals with a comma.
        private void Decimal(double? value, string format) =>
            Count(value?.ToString(format, CultureInfo.InvariantCulture).Replace('.', ','));
    }
}
