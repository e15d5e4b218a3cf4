using Platform.Hosting;

namespace Platform.Referrals.Tests.Reports;

public class CsvTests
{
    [Theory]
    [InlineData("=1+1", "'=1+1")]
    [InlineData("+31 71", "'+31 71")]
    [InlineData("-2", "'-2")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\tcmd", "'\tcmd")]
    [InlineData("Wijk 01 Alphen", "Wijk 01 Alphen")]
    public void Text_a_spreadsheet_would_read_as_a_formula_opens_as_text(string name, string expected)
    {
        var csv = Csv.Write([name], ("name", n => n));

        Assert.Equal($"name\r\n{expected}\r\n", csv);
    }

    [Fact]
    public void A_formula_with_a_separator_is_neutralised_inside_its_quotes()
    {
        var csv = Csv.Write(["=HYPERLINK(\"x\";\"y\")"], ("name", n => n));

        Assert.Equal("name\r\n\"'=HYPERLINK(\"\"x\"\";\"\"y\"\")\"\r\n", csv);
    }

    [Fact]
    public void Negative_numbers_stay_numbers()
    {
        var csv = Csv.Write([-1.5], ("change", n => n));

        Assert.Equal("change\r\n-1.5\r\n", csv);
    }
}
