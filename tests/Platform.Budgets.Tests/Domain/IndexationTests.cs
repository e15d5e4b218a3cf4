using Platform.Budgets.Domain;

namespace Platform.Budgets.Tests.Domain;

public class IndexationTests
{
    // funding-rules §1.5: 2025 OVA forecast 4.18 %, PCC 1.82 %; 2024 corrections OVA 4.94 -> 6.00 and a PCC correction
    // of 0.5756 %; weights 90/10.
    private static readonly IndexComponent[] Vng2025 =
    [
        new("OVA", 0.9m, 0.0418m, IndexComponent.CorrectionOf(0.0494m, 0.0600m)),
        new("PCC", 0.1m, 0.0182m, 0.005756m),
    ];

    [Fact]
    public void The_correction_is_multiplicative()
    {
        // 1.0600 / 1.0494 - 1 = 1.01 %, not 1.06 %.
        Assert.Equal(0.0101m, Math.Round(IndexComponent.CorrectionOf(0.0494m, 0.0600m), 4));
    }

    [Fact]
    public void The_additive_reading_gives_the_published_figure()
    {
        // 0.9 * (4.18 + 1.0101) + 0.1 * (1.82 + 0.5756) = 4.9107 => 4.91 %.
        Assert.Equal(0.0491m, Math.Round(Indexation.Additive(Vng2025), 4));
    }

    [Fact]
    public void Each_component_compounded_gives_the_cross_term_more()
    {
        // 0.9 * (1.0418 * 1.010101 - 1) + 0.1 * (1.0182 * 1.005756 - 1) = 0.9 * 5.2323 % + 0.1 * 2.4061 % = 4.9497 %.
        Assert.Equal(0.0495m, Math.Round(Indexation.Compounded(Vng2025), 4));
    }

    [Fact]
    public void Years_compound_on_the_previous_year_rounded_to_cents()
    {
        // 1,000,000 * 1.05 = 1,050,000; * 1.02 = 1,071,000; a fixed sum has no indexes.
        Assert.Equal([1_000_000m, 1_050_000m, 1_071_000m], Indexation.Years(1_000_000m, [0.05m, 0.02m]));
        Assert.Equal([1_000_000m], Indexation.Years(1_000_000m, []));
    }

    [Fact]
    public void Weights_must_sum_to_one()
    {
        Assert.Throws<ArgumentException>(() => Indexation.Compounded([new("OVA", 0.9m, 0.04m, 0m)]));
    }
}
