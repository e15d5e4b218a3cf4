using Platform.Outcomes.Domain;

namespace Platform.Outcomes.Tests.Domain;

public sealed class PeriodAndFunnelTests
{
    [Theory]
    [InlineData("2025-Q1", "2025-01-01", "2025-03-31")]
    [InlineData("2025-Q4", "2025-10-01", "2025-12-31")]
    [InlineData("2024", "2024-01-01", "2024-12-31")]
    public void A_period_reads_as_a_quarter_or_a_year(string text, string start, string end)
    {
        var period = Period.Parse(text)!;

        Assert.Equal((DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(end, System.Globalization.CultureInfo.InvariantCulture)), (period.Start, period.End));
        Assert.Equal(text, period.Name);
    }

    [Theory]
    [InlineData("2025-Q5")]
    [InlineData("25-Q1")]
    [InlineData("")]
    [InlineData(null)]
    public void Anything_else_is_no_period(string? text) => Assert.Null(Period.Parse(text));

    [Fact]
    public void Only_periods_that_have_ended_are_listed()
    {
        var quarters = Period.EndedBetween(Period.Quarter, new DateOnly(2025, 2, 15), new DateOnly(2025, 9, 29)).Select(p => p.Name);

        Assert.Equal(["2025-Q1", "2025-Q2"], quarters);
    }

    [Fact]
    public void Funnel_limits_match_the_hand_worked_values()
    {
        // Pooled 0.5 with n = 100: 0.5 ± 1.96 · 0.05 and 0.5 ± 3.09 · 0.05.
        Assert.Equal(0.402, FunnelLimits.Of(0.5, 100, FunnelLimits.Z95).Lower, 3);
        Assert.Equal(0.6545, FunnelLimits.Of(0.5, 100, FunnelLimits.Z998).Upper, 4);
        Assert.Equal("within-chance", FunnelLimits.Position(0.59, 0.5, 100));
        Assert.Equal("above-95", FunnelLimits.Position(0.61, 0.5, 100));
        Assert.Equal("below-99.8", FunnelLimits.Position(0.34, 0.5, 100));
    }
}
