using Platform.Outcomes.Domain;

namespace Platform.Outcomes.Tests.Domain;

public sealed class NormAndIntervalTests
{
    [Theory]
    [InlineData("at-least", "7", "7", "met")]         // "minimaal cijfer 7": the boundary meets the norm
    [InlineData("at-least", "7", "6.999", "not-met")] // unrounded: 6.999 would display as 7.0
    [InlineData("at-most", "5", "5", "met")]
    [InlineData("at-most", "5", "5.0001", "not-met")]
    [InlineData("more-than", "7", "7", "not-met")]     // "hoger dan de eis": the norm itself is not enough
    [InlineData("more-than", "7", "7.0001", "met")]
    [InlineData("less-than", "6", "6", "not-met")]     // a malus "if satisfaction < 6" is not due at exactly 6
    [InlineData("less-than", "6", "5.9999", "met")]
    public void A_result_is_held_against_the_norm_unrounded(string comparison, string norm, string value, string expected) =>
        Assert.Equal(expected, NormEvaluation.Evaluate(comparison, decimal.Parse(norm, System.Globalization.CultureInfo.InvariantCulture), decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void Without_a_value_there_is_no_judgement() =>
        Assert.Equal("insufficient-data", NormEvaluation.Evaluate("at-least", 0.8m, null));

    [Fact]
    public void Wilson_interval_matches_the_hand_worked_value()
    {
        // 8 of 10, z = 1.96: centre (0.8 + 0.19207) / 1.38415 = 0.71676; half 1.41601 * sqrt(0.016 + 0.0096040) = 0.22657.
        var (lower, upper) = WilsonInterval.Of(8, 10);

        Assert.Equal(0.4902, lower, 4);
        Assert.Equal(0.9433, upper, 4);
    }

    [Fact]
    public void Wilson_interval_of_none_of_twenty_starts_at_zero()
    {
        var (lower, upper) = WilsonInterval.Of(0, 20);

        Assert.Equal(0, lower, 10);
        Assert.Equal(0.1611, upper, 4);
    }

    [Fact]
    public void The_two_zrm_readings_differ_when_one_domain_declines()
    {
        int[] first = [3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3];
        int[] last = [4, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 2];

        Assert.True(ZrmReading.AnyDomainImprovesOrStable(first, last));
        Assert.False(ZrmReading.NoDomainDeclines(first, last));
    }

    [Fact]
    public void Every_domain_declining_fails_both_readings()
    {
        int[] first = [4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4];
        int[] last = [3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3];

        Assert.False(ZrmReading.AnyDomainImprovesOrStable(first, last));
        Assert.False(ZrmReading.NoDomainDeclines(first, last));
    }
}
