using Platform.Referrals.Domain.Intake;

namespace Platform.Referrals.Tests.Intake;

public class ProviderScopeTests
{
    private static readonly ScopedPopulation Municipality = Population("Alphen 18+", ["GM0484"], 18, null);
    private static readonly ScopedPopulation District = Population("Centrum 18+", ["WK048401"], 18, null);
    private static readonly ScopedPopulation Youth = Population("Centrum jeugd", ["WK048401"], 0, 17);
    private static readonly ProviderScope Scope = new([Municipality, District, Youth, Population("Concept", ["BU04840101"], 0, null, status: "draft")]);

    private static ScopedPopulation Population(string name, string[] areas, int from, int? to, string status = "active", string responsibleFrom = "2025-01-01") =>
        new(Guid.NewGuid(), "GM0484", name, status, areas, from, to, new DateOnly(2024, 1, 1), null, DateOnly.Parse(responsibleFrom, System.Globalization.CultureInfo.InvariantCulture), new DateOnly(2025, 12, 31));

    private static Referral Referral(string neighbourhood, AgeBand age, string date = "2025-03-01") => new(
        "r", "c", NeighbourhoodCode.Parse(neighbourhood), age, DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), "team",
        ReferrerType.Municipality, DestinationType.PersonalBudget, LifeDomain.Finances, Urgency.Regular);

    [Fact]
    public void The_most_precise_area_wins_and_a_draft_never() =>
        Assert.Equal(District, Scope.PopulationFor(Referral("BU04840101", AgeBand.Age23To64)));

    [Fact]
    public void The_age_band_must_overlap_the_ages() =>
        Assert.Equal(Youth, Scope.PopulationFor(Referral("BU04840101", AgeBand.Age4To11)));

    [Fact]
    public void A_band_across_the_boundary_belongs_to_the_narrower_range()
    {
        // 12-17 overlaps 0-17 only; 18-22 overlaps both 18+ populations, of which the district is the more precise.
        Assert.Equal(Youth, Scope.PopulationFor(Referral("BU04840101", AgeBand.Age12To17)));
        Assert.Equal(District, Scope.PopulationFor(Referral("BU04840101", AgeBand.Age18To22)));
    }

    [Fact]
    public void Elsewhere_or_outside_the_responsibility_there_is_none()
    {
        Assert.Equal(Municipality, Scope.PopulationFor(Referral("BU04840201", AgeBand.Age23To64)));
        Assert.Null(Scope.PopulationFor(Referral("BU18840101", AgeBand.Age23To64)));
        Assert.Null(Scope.PopulationFor(Referral("BU04840201", AgeBand.Age4To11)));
        Assert.Null(Scope.PopulationFor(Referral("BU04840101", AgeBand.Age23To64, "2026-01-01")));
    }
}
