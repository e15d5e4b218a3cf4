using Platform.Referrals.Domain.Intake;

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
}
