using Platform.Referrals.Domain.Monitoring;

namespace Platform.Referrals.Tests.Monitoring;

public class ReportingPeriodTests
{
    private static readonly DateOnly May17 = new(2026, 5, 17);

    [Theory]
    [InlineData(PeriodKind.Month, "2026-05", "2026-05-01", "2026-05-31")]
    [InlineData(PeriodKind.Quarter, "2026-Q2", "2026-04-01", "2026-06-30")]
    [InlineData(PeriodKind.Year, "2026", "2026-01-01", "2026-12-31")]
    public void A_date_lies_in_one_month_quarter_and_year(PeriodKind kind, string label, string start, string end)
    {
        var period = ReportingPeriod.Of(May17, kind);

        Assert.Equal(label, period.ToString());
        Assert.Equal(DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture), period.Start);
        Assert.Equal(DateOnly.Parse(end, System.Globalization.CultureInfo.InvariantCulture), period.End);
        Assert.True(period.Contains(May17));
    }

    [Fact]
    public void The_previous_period_crosses_the_year()
    {
        Assert.Equal("2025-12", ReportingPeriod.Of(new DateOnly(2026, 1, 31), PeriodKind.Month).Previous.ToString());
        Assert.Equal("2025-Q4", ReportingPeriod.Of(new DateOnly(2026, 2, 1), PeriodKind.Quarter).Previous.ToString());
        Assert.Equal("2026-Q1", ReportingPeriod.Of(new DateOnly(2025, 12, 1), PeriodKind.Quarter).Next.ToString());
    }

    [Fact]
    public void The_same_period_last_year_is_the_seasonal_baseline()
    {
        Assert.Equal("2025-05", ReportingPeriod.Of(May17, PeriodKind.Month).SameLastYear.ToString());
        Assert.Equal("2025-Q2", ReportingPeriod.Of(May17, PeriodKind.Quarter).SameLastYear.ToString());
    }

    [Fact]
    public void The_trailing_four_quarters_are_the_whole_quarters_before_the_period()
    {
        string[] expected = ["2025-Q2", "2025-Q3", "2025-Q4", "2026-Q1"];

        Assert.Equal(expected, ReportingPeriod.Of(May17, PeriodKind.Quarter).TrailingFourQuarters().Select(p => p.ToString()));
        Assert.Equal(expected, ReportingPeriod.Of(May17, PeriodKind.Month).TrailingFourQuarters().Select(p => p.ToString()));
        Assert.Equal(["2025-Q1", "2025-Q2", "2025-Q3", "2025-Q4"],
            ReportingPeriod.Of(May17, PeriodKind.Year).TrailingFourQuarters().Select(p => p.ToString()));
    }

    [Fact]
    public void Periods_order_by_their_start()
    {
        var april = ReportingPeriod.Of(new DateOnly(2026, 4, 1), PeriodKind.Month);

        Assert.True(april < april.Next);
        Assert.True(april.Previous <= april);
        Assert.Equal(april, ReportingPeriod.Of(new DateOnly(2026, 4, 30), PeriodKind.Month));
    }
}
