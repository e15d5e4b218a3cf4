using Platform.Referrals.Domain.Intake;

namespace Platform.Referrals.Tests.Intake;

public class CodeListTests
{
    [Theory]
    [InlineData("01", ReferrerType.Municipality)]
    [InlineData("02", ReferrerType.GeneralPractitioner)]
    [InlineData("03", ReferrerType.YouthDoctor)]
    [InlineData("04", ReferrerType.CertifiedInstitution)]
    [InlineData("05", ReferrerType.MedicalSpecialist)]
    [InlineData("06", ReferrerType.SelfReferral)]
    [InlineData("08", ReferrerType.Justice)]
    public void Referrer_types_carry_their_COD327_codes(string code, ReferrerType type)
    {
        Assert.Equal(code, type.ToCode());
        Assert.True(ReferrerTypeCodes.TryParseCode(code, out var parsed));
        Assert.Equal(type, parsed);
    }

    [Theory]
    [InlineData("07")]
    [InlineData("00")]
    [InlineData("1")]
    [InlineData("10")]
    [InlineData(null)]
    public void Codes_outside_COD327_are_not_referrer_types(string? code) =>
        Assert.False(ReferrerTypeCodes.TryParseCode(code, out _));

    [Fact]
    public void End_reasons_carry_their_JZ588_codes() =>
        Assert.Equal([31, 32, 33, 34, 38, 39],
            Enum.GetValues<EndReason>().Where(r => r != EndReason.Unspecified).Select(r => (int)r));

    [Fact]
    public void The_life_domains_are_the_13_of_ZRM_2017() =>
        Assert.Equal(13, Enum.GetValues<LifeDomain>().Count(d => d != LifeDomain.Unspecified));

    [Theory]
    [InlineData(0, AgeBand.Age0To3)]
    [InlineData(3, AgeBand.Age0To3)]
    [InlineData(4, AgeBand.Age4To11)]
    [InlineData(17, AgeBand.Age12To17)]
    [InlineData(18, AgeBand.Age18To22)]
    [InlineData(22, AgeBand.Age18To22)]
    [InlineData(23, AgeBand.Age23To64)]
    [InlineData(74, AgeBand.Age65To74)]
    [InlineData(104, AgeBand.Age75AndOlder)]
    public void An_age_falls_in_one_band(int age, AgeBand band)
    {
        Assert.Equal(band, AgeBands.Of(age));
        Assert.InRange(age, band.From(), band.To() ?? int.MaxValue);
    }
}
