using Platform.Populations.Domain.Characteristics;
using static Platform.Populations.Tests.Domain.CharacteristicValuesBuilder;

namespace Platform.Populations.Tests.Domain;

public class CharacteristicAggregatorTests
{
    [Fact]
    public void Counts_add_up()
    {
        var total = CharacteristicAggregator.Aggregate(
        [
            Values((Characteristic.Inhabitants, 1200), (Characteristic.WmoClients, 40)),
            Values((Characteristic.Inhabitants, 800), (Characteristic.WmoClients, 25)),
        ]);

        Assert.Equal(2000, total[Characteristic.Inhabitants]);
        Assert.Equal(65, total[Characteristic.WmoClients]);
    }

    [Fact]
    public void Shares_are_weighted_by_their_base()
    {
        // 10% of 1,000 households and 40% of 500: (100 + 200) / 1,500 = 20%, not the plain mean of 25%.
        var total = CharacteristicAggregator.Aggregate(
        [
            Values((Characteristic.Households, 1000), (Characteristic.LowIncomeHouseholdsShare, 0.10)),
            Values((Characteristic.Households, 500), (Characteristic.LowIncomeHouseholdsShare, 0.40)),
        ]);

        Assert.Equal(0.20, total[Characteristic.LowIncomeHouseholdsShare]!.Value, 12);
    }

    [Fact]
    public void Mean_scores_are_weighted_by_their_base()
    {
        // (0.3 * 300 + -0.1 * 100) / 400 = 80 / 400 = 0.2
        var total = CharacteristicAggregator.Aggregate(
        [
            Values((Characteristic.Households, 300), (Characteristic.SesScore, 0.3)),
            Values((Characteristic.Households, 100), (Characteristic.SesScore, -0.1)),
        ]);

        Assert.Equal(0.2, total[Characteristic.SesScore]!.Value, 12);
    }

    [Fact]
    public void Suppressed_value_makes_the_aggregate_unknown_not_lower()
    {
        var total = CharacteristicAggregator.Aggregate(
        [
            Values((Characteristic.Inhabitants, 1200), (Characteristic.SocialAssistanceRecipients, 60), (Characteristic.SocialIsolationShare, 0.1)),
            Values((Characteristic.Inhabitants, 40), (Characteristic.SocialAssistanceRecipients, null), (Characteristic.SocialIsolationShare, null)),
        ]);

        Assert.Equal(1240, total[Characteristic.Inhabitants]);
        Assert.Null(total[Characteristic.SocialAssistanceRecipients]);
        Assert.Null(total[Characteristic.SocialIsolationShare]);
    }

    [Fact]
    public void Unknown_base_makes_a_weighted_aggregate_unknown()
    {
        var total = CharacteristicAggregator.Aggregate(
        [
            Values((Characteristic.Households, 1000), (Characteristic.SesScore, 0.1)),
            Values((Characteristic.Households, null), (Characteristic.SesScore, 0.2)),
        ]);

        Assert.Null(total[Characteristic.SesScore]);
    }

    [Fact]
    public void An_area_with_no_base_does_not_make_a_share_unknown()
    {
        // An industrial estate without households has no low-income share; it adds nothing to the weighted mean.
        var total = CharacteristicAggregator.Aggregate(
        [
            Values((Characteristic.Households, 1000), (Characteristic.LowIncomeHouseholdsShare, 0.08)),
            Values((Characteristic.Households, 0), (Characteristic.LowIncomeHouseholdsShare, null)),
        ]);

        Assert.Equal(0.08, total[Characteristic.LowIncomeHouseholdsShare]!.Value, 12);
    }

    [Fact]
    public void A_characteristic_absent_everywhere_stays_unknown()
    {
        var total = CharacteristicAggregator.Aggregate([Values((Characteristic.Inhabitants, 10)), Values((Characteristic.Inhabitants, 20))]);

        Assert.Null(total[Characteristic.YouthCareClients]);
        Assert.Null(total[Characteristic.SesScore]);
    }
}
