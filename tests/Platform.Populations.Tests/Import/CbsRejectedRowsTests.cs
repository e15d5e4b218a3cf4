using Platform.Populations.Domain.Characteristics;

namespace Platform.Populations.Tests.Import;

public class CbsRejectedRowsTests
{
    private const string FileWithBadRows = """
        WijkenEnBuurten;Gemeentenaam_1;SoortRegio_2;Codering_3;AantalInwoners_5;HuishoudensTotaal_28;SociaalIsolementPercentage_90
        Oudewater;Oudewater;Gemeente;GM0589;10394;4293;9,5
        Centrum;Oudewater;Buurt;XX05890001;1210;640;8
        Noord;Oudewater;Wijk;BU05890002;900;400;8
        Zuid;Oudewater;Buurt;BU05890003;-5;400;8
        Oost;Oudewater;Buurt;BU05890004;700;300;120
        West;Oudewater;Buurt;BU05890005;7O0;300;8
        Kort;Oudewater;Buurt;BU05890006;700
        Goed;Oudewater;Buurt;BU05890007;650;280;.
        Dubbel;Oudewater;Buurt;BU05890007;650;280;7
        Nieuw;Oudewater;Dorp;BU05890008;650;280;7
        """;

    [Fact]
    public void Each_bad_row_is_reported_with_its_line_number_and_reason_while_good_rows_are_read()
    {
        var result = CbsKerncijfersReaderTests.Read(FileWithBadRows);

        Assert.Equal(["GM0589", "BU05890007"], result.Rows.Select(r => r.Code.Value));
        Assert.Equal([2, 9], result.Rows.Select(r => r.LineNumber));
        Assert.Null(result.Rows[1].Values[Characteristic.SocialIsolationShare]);
        Assert.Collection(
            result.Rejected,
            r => AssertRejected(r, 3, "XX05890001", "must start with GM"),
            r => AssertRejected(r, 4, "BU05890002", "SoortRegio is 'Wijk' but BU05890002 is a neighbourhood code"),
            r => AssertRejected(r, 5, "BU05890003", "AantalInwoners_5 is a count but has a negative value, -5"),
            r => AssertRejected(r, 6, "BU05890004", "SociaalIsolementPercentage_90 is a percentage but has 120, outside 0 to 100"),
            r => AssertRejected(r, 7, "BU05890005", "AantalInwoners_5 has '7O0', which is not a number"),
            r => AssertRejected(r, 8, "BU05890006", "has 5 fields where the header has 7"),
            r => AssertRejected(r, 10, "BU05890007", "BU05890007 already appeared on line 9"),
            r => AssertRejected(r, 11, "BU05890008", "SoortRegio 'Dorp' is not Gemeente, Wijk or Buurt"));
    }

    [Fact]
    public void An_unclosed_quote_rejects_only_its_own_line()
    {
        var result = CbsKerncijfersReaderTests.Read("""
            WijkenEnBuurten;SoortRegio;Codering;AantalInwoners
            "Centrum;Buurt;BU05890001;10
            Noord;Buurt;BU05890002;20
            """);

        Assert.Equal("BU05890002", Assert.Single(result.Rows).Code.Value);
        var rejected = Assert.Single(result.Rejected);
        Assert.Equal(2, rejected.LineNumber);
        Assert.Contains("not closed", rejected.Reason, StringComparison.Ordinal);
    }

    private static void AssertRejected(Platform.Populations.Import.RejectedRow row, int line, string code, string reasonPart)
    {
        Assert.Equal(line, row.LineNumber);
        Assert.Equal(code, row.RawCode);
        Assert.Contains(reasonPart, row.Reason, StringComparison.Ordinal);
    }
}
