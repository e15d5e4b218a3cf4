using Platform.Security;

namespace Platform.Referrals.Tests.Intake;

public class BsnTests
{
    [Theory]
    [InlineData("111222333")] // 9+8+7+12+10+8+9+6−3 = 66
    [InlineData("123456782")] // 9+16+21+24+25+24+21+16−2 = 154 = 14·11
    [InlineData("999999990")] // 9·(9+8+…+2) = 396 = 36·11
    public void Numbers_passing_the_eleven_test_are_valid(string number) => Assert.True(Bsn.IsValid(number));

    [Theory]
    [InlineData("123456789")] // 9+16+21+24+25+24+21+16−9 = 147, not a multiple of 11
    [InlineData("111222334")]
    [InlineData("000000000")] // passes the sum but is not a number anyone has
    [InlineData("12345678")] // 012345678: 8+14+18+20+20+18+14−8 = 104, not a multiple of 11
    [InlineData("1234567820")]
    [InlineData("12345678a")]
    [InlineData("")]
    [InlineData(null)]
    public void Other_texts_are_not(string? text) => Assert.False(Bsn.IsValid(text));

    [Fact]
    public void An_eight_digit_number_is_read_with_a_leading_zero()
    {
        // 012345672: 0+8+14+18+20+20+18+14−2 = 110 = 10·11
        Assert.True(Bsn.IsValid("012345672"));
        Assert.True(Bsn.IsValid("12345672"));
    }

    [Theory]
    [InlineData("111222333")]
    [InlineData("bsn111222333")]
    [InlineData("BSN 111222333")]
    [InlineData("111_222_333")]
    [InlineData("111 222 333")]
    [InlineData("1112.22.333")]
    [InlineData("11.12.22.333")]
    [InlineData("client/111-222-333/2024")]
    [InlineData("R-2024-111222333")]
    [InlineData("1234 5672")] // eight digits as the whole value, read with a leading zero
    [InlineData("Team Noord, bsn: 123456782")]
    public void A_bsn_is_found_inside_other_text_and_with_any_separators(string text) => Assert.True(Bsn.IsIn(text));

    [Theory]
    [InlineData("ref-2024-000123")]
    [InlineData("BU04840103-1-s1")] // a neighbourhood code and a counter: eight digits and one, 048401031 passing the eleven-test
    [InlineData("BU04840104-3-c1")]
    [InlineData("1234567820")] // ten digits: not a BSN, even though nine of them would be
    [InlineData("111222334")]
    [InlineData("Wijkteam Alphen Noord")]
    [InlineData("client-8f3a9c")]
    [InlineData("room 111 / 222 / 333")] // three separators apart: three numbers, not one
    [InlineData("")]
    [InlineData(null)]
    public void Text_without_a_bsn_passes(string? text) => Assert.False(Bsn.IsIn(text));
}
