using Platform.Populations.Domain;

namespace Platform.Populations.Tests.Domain;

public class AreaCodeTests
{
    [Theory]
    [InlineData("GM0484", AreaLevel.Municipality)]
    [InlineData("WK048401", AreaLevel.District)]
    [InlineData("BU04840102", AreaLevel.Neighbourhood)]
    public void Codes_with_digits_are_valid_at_their_level(string text, AreaLevel level)
    {
        Assert.True(AreaCode.TryParse(text, out var code, out var error), error);
        Assert.Equal(level, code.Level);
        Assert.Equal(text, code.Value);
    }

    [Theory]
    [InlineData("WK0363A0")]
    [InlineData("WK0363AF")]
    [InlineData("BU0363AF0B")]
    public void Codes_with_letters_in_district_or_neighbourhood_are_valid(string text)
    {
        Assert.True(AreaCode.TryParse(text, out _, out var error), error);
    }

    [Theory]
    [InlineData("  BU04840101  ", "BU04840101")]
    [InlineData("gm0484", "GM0484")]
    [InlineData("wk048401 ", "WK048401")]
    public void Padded_and_lower_case_codes_are_accepted_and_normalised(string text, string expected)
    {
        Assert.Equal(expected, AreaCode.Parse(text).Value);
    }

    [Theory]
    [InlineData("XX0484", "must start with GM")]
    [InlineData("NL00", "must start with GM")]
    [InlineData("GM484", "four digits")]
    [InlineData("GM04AB", "four digits")]
    [InlineData("WK0484011", "district code")]
    [InlineData("BU048401", "neighbourhood code")]
    [InlineData("", "required")]
    public void Invalid_prefix_or_length_is_rejected_with_a_reason(string text, string reasonPart)
    {
        Assert.False(AreaCode.TryParse(text, out _, out var error));
        Assert.Contains(reasonPart, error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_neighbourhood_knows_its_district_and_municipality()
    {
        var code = AreaCode.Parse("BU0363AF01");

        Assert.Equal("WK0363AF", code.District);
        Assert.Equal("GM0363", code.Municipality);
        Assert.True(AreaCode.Parse("GM0363").Contains(code));
        Assert.False(AreaCode.Parse("WK0363AE").Contains(code));
    }
}
