using Platform.Populations.Domain;
using Platform.Populations.Domain.Characteristics;
using static Platform.Populations.Tests.Domain.CharacteristicValuesBuilder;

namespace Platform.Populations.Tests.Domain;

public class AgeBandEstimateTests
{
    private static readonly CharacteristicValues Area = Values(
        (Characteristic.Age0To14, 300),
        (Characteristic.Age15To24, 200),
        (Characteristic.Age25To44, 500),
        (Characteristic.Age45To64, 450),
        (Characteristic.Age65Plus, 350));

    [Fact]
    public void Adults_take_seven_tenths_of_the_15_to_24_band()
    {
        // 18-24 is 7 of the 10 years of 15-24: 0.7 * 200 + 500 + 450 + 350 = 1,440
        var estimate = AgeBandEstimate.Inhabitants(Area, new AgeRange(18, null));

        Assert.Equal(1440, estimate.Count!.Value, 9);
        Assert.True(estimate.IsProRated);
    }

    [Fact]
    public void Minors_take_the_0_to_14_band_and_three_tenths_of_the_next()
    {
        // 300 + 0.3 * 200 = 360
        var estimate = AgeBandEstimate.Inhabitants(Area, new AgeRange(0, 17));

        Assert.Equal(360, estimate.Count!.Value, 9);
        Assert.True(estimate.IsProRated);
    }

    [Fact]
    public void Whole_bands_are_not_pro_rated()
    {
        var estimate = AgeBandEstimate.Inhabitants(Area, new AgeRange(65, null));

        Assert.Equal(350, estimate.Count);
        Assert.False(estimate.IsProRated);
    }

    [Fact]
    public void The_top_band_is_pro_rated_as_65_to_99()
    {
        // 80-99 is 20 of 35 years.
        var estimate = AgeBandEstimate.Inhabitants(Area, new AgeRange(80, null));

        Assert.Equal(350 * 20 / 35.0, estimate.Count!.Value, 9);
        Assert.True(estimate.IsProRated);
    }

    [Fact]
    public void An_unknown_band_that_is_needed_makes_the_estimate_unknown()
    {
        var values = Values((Characteristic.Age0To14, 300), (Characteristic.Age15To24, null), (Characteristic.Age65Plus, 20));

        Assert.False(AgeBandEstimate.Inhabitants(values, new AgeRange(0, 17)).IsKnown);
        Assert.Equal(300, AgeBandEstimate.Inhabitants(values, new AgeRange(0, 14)).Count);
    }
}
