using Platform.Populations.Domain;
using Platform.Populations.Domain.Characteristics;
using Platform.Populations.Import;

namespace Platform.Populations.Tests.Import;

public class CbsKerncijfersReaderTests
{
    private const string Edition2024 = """
        ID;WijkenEnBuurten;Gemeentenaam_1;SoortRegio_2;Codering_3;AantalInwoners_5;k_0Tot15Jaar_8;k_15Tot25Jaar_9;k_25Tot45Jaar_10;k_45Tot65Jaar_11;k_65JaarOfOuder_12;HuishoudensTotaal_28;HuishoudensMetKinderen_31;HuishOnderOfRondSociaalMinimum_79
        0;"Nederland";"Nederland                               ";"Land      ";"NL00      ";17942942;2837612;2241498;4569839;4814380;3479613;8230233;2683010;7,9
        1;"Oudewater";"Oudewater                               ";"Gemeente  ";"GM0589    ";10394;1829;1236;2301;2915;2113;4293;1482;5,6
        2;"Wijk 00 Oudewater";"Oudewater                               ";"Wijk      ";"WK058900  ";8850;1580;1055;1975;2460;1780;3700;1275;6.1
        3;"Oudewater-Centrum";"Oudewater                               ";"Buurt     ";"BU05890001";1210;110;140;290;330;340;640;120;.
        """;

    private static readonly string[] MinimalColumns = ["WijkenEnBuurten", "SoortRegio_2", "Codering_3", "AantalInwoners_5"];

    [Fact]
    public void Reads_areas_of_a_2024_edition_with_names_levels_and_values()
    {
        var result = Read(Edition2024);

        Assert.Empty(result.Rejected);
        Assert.Equal(1, result.SkippedRows);
        Assert.Equal(["GM0589", "WK058900", "BU05890001"], result.Rows.Select(r => r.Code.Value));
        var neighbourhood = result.Rows[2];
        Assert.Equal("Oudewater-Centrum", neighbourhood.Name);
        Assert.Equal("Oudewater", neighbourhood.MunicipalityName);
        Assert.Equal(AreaLevel.Neighbourhood, neighbourhood.Code.Level);
        Assert.Equal(5, neighbourhood.LineNumber);
        Assert.Equal(1210, neighbourhood.Values[Characteristic.Inhabitants]);
        Assert.Equal(340, neighbourhood.Values[Characteristic.Age65Plus]);
        Assert.Equal(120, neighbourhood.Values[Characteristic.HouseholdsWithChildren]);
        Assert.Null(neighbourhood.Values[Characteristic.LowIncomeHouseholdsShare]);
    }

    [Fact]
    public void Percentages_with_a_decimal_comma_or_point_become_fractions()
    {
        var result = Read(Edition2024);

        Assert.Equal(0.056, result.Rows[0].Values[Characteristic.LowIncomeHouseholdsShare]!.Value, 12);
        Assert.Equal(0.061, result.Rows[1].Values[Characteristic.LowIncomeHouseholdsShare]!.Value, 12);
    }

    [Fact]
    public void Columns_with_renamed_suffixes_and_another_order_are_matched_on_their_stem()
    {
        var result = Read("""
            Codering_4;SoortRegio_3;WijkenEnBuurten;k_65JaarOfOuder_17;AantalInwoners_7;Gemeentenaam_2;Mannen_8
            GM0589;Gemeente;Oudewater;2113;10394;Oudewater;5190
            """);

        var row = Assert.Single(result.Rows);
        Assert.Equal(10394, row.Values[Characteristic.Inhabitants]);
        Assert.Equal(2113, row.Values[Characteristic.Age65Plus]);
        Assert.Equal(["Mannen_8"], result.IgnoredColumns);
        Assert.Contains(Characteristic.Age0To14, result.MissingCharacteristics);
        Assert.Null(row.Values[Characteristic.Age0To14]);
    }

    [Theory]
    [InlineData("Codering")]
    [InlineData("SoortRegio")]
    [InlineData("WijkenEnBuurten")]
    public void A_missing_required_column_fails_the_file_naming_the_column(string missing)
    {
        var columns = MinimalColumns.Where(c => !c.StartsWith(missing, StringComparison.Ordinal));

        var exception = Assert.Throws<CbsFileException>(() => Read(string.Join(';', columns) + "\nx;y;z"));

        Assert.Contains($"'{missing}'", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_file_fails_clearly()
    {
        var exception = Assert.Throws<CbsFileException>(() => Read(string.Empty));

        Assert.Contains("header", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_columns_giving_one_characteristic_fail_the_file()
    {
        var exception = Assert.Throws<CbsFileException>(() =>
            Read("WijkenEnBuurten;SoortRegio;Codering;JongerenMetJeugdzorgInNatura_86;JeugdzorgClienten_90\n"));

        Assert.Contains("youth_care_clients", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Quoted_fields_may_hold_semicolons_and_doubled_quotes()
    {
        var result = Read("""
            WijkenEnBuurten;SoortRegio;Codering;AantalInwoners
            "Buurt ""De Hoek""; Oost";"Buurt";"  BU05890002  ";"85"
            """);

        var row = Assert.Single(result.Rows);
        Assert.Equal("Buurt \"De Hoek\"; Oost", row.Name);
        Assert.Equal(85, row.Values[Characteristic.Inhabitants]);
    }

    [Fact]
    public void Rows_of_other_municipalities_are_rejected_when_a_filter_is_given()
    {
        var result = Read(Edition2024, new HashSet<string> { "GM0484" });

        Assert.Empty(result.Rows);
        Assert.Equal(3, result.Rejected.Count);
        Assert.All(result.Rejected, r => Assert.Equal("belongs to municipality GM0589, not one you may import for", r.Reason));
        Assert.Equal(1, result.SkippedRows);
    }

    [Fact]
    public async Task Reading_a_stream_asynchronously_gives_the_same_rows()
    {
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetPreamble().Concat(System.Text.Encoding.UTF8.GetBytes(Edition2024)).ToArray());

        var result = await CbsKerncijfersReader.ReadAsync(stream);

        Assert.Equal(3, result.Rows.Count);
        Assert.Empty(result.Rejected);
    }

    internal static CbsReadResult Read(string text, IReadOnlySet<string>? allowed = null)
    {
        using var reader = new StringReader(text);
        return CbsKerncijfersReader.Read(reader, allowed);
    }
}
