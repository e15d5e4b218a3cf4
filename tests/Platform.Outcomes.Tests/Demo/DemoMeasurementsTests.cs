using Platform.Outcomes.Demo;
using Platform.Outcomes.Domain;
using Platform.Outcomes.Domain.Results;
using Platform.Outcomes.Intake;

namespace Platform.Outcomes.Tests.Demo;

/// <summary>The demo's measurements pass the intake's validation and give the story the demo tells.</summary>
public sealed class DemoMeasurementsTests
{
    private static readonly HashSet<string> Codes = ["client-satisfaction", "stakeholder-satisfaction"];

    private static List<object> Valid(string municipality)
    {
        var items = DemoMeasurements.For(Guid.NewGuid(), Guid.NewGuid(), municipality);
        return [.. items.Select((m, i) =>
        {
            var validation = new MeasurementValidation($"measurements[{i}]", new DateOnly(2026, 12, 1), Codes);
            var measurement = validation.Validate(m);
            Assert.Empty(validation.Violations);
            return measurement!.Content;
        })];
    }

    private static decimal? Year(List<object> contents, string code, int year, int minimum = 1, string? reading = null, string family = "survey") =>
        ResultCalculator.Compute(new Definition(code, family, 1, new DateOnly(2015, 1, 1), "share", reading, minimum), Period.Of(Period.Year, new DateOnly(year, 1, 1)), contents)!.Value;

    [Fact]
    public void In_Alphen_client_satisfaction_falls_under_seven_in_2025_and_every_other_demo_norm_is_met()
    {
        var alphen = Valid(DemoMeasurements.Alphen);

        Assert.Equal(404m / 60m, Year(alphen, "client-satisfaction", 2025));
        Assert.True(Year(alphen, "client-satisfaction", 2024) >= 7m);
        Assert.True(Year(alphen, "stakeholder-satisfaction", 2025) >= 7m);
        // The literal reading counts everyone whose other domains stayed equal; the strict one sees the quarter that declined.
        Assert.Equal(1m, Year(alphen, "zrm-improved-or-stable", 2025, 2, "any-domain-improves-or-stable", "zrm"));
        Assert.Equal(0.75m, Year(alphen, "zrm-no-domain-declines", 2025, 2, "no-domain-declines", "zrm"));
        Assert.Equal(0.8m, Year(alphen, "ladder-more-active-or-stable", 2025, 2, family: "ladder"));
        Assert.Equal(0.05m, Year(alphen, "reopened-dossiers", 2025, family: "relapse"));
    }

    [Fact]
    public void Elsewhere_client_satisfaction_meets_its_norm()
    {
        Assert.True(Year(Valid("GM1884"), "client-satisfaction", 2025) >= 7m);
    }
}
