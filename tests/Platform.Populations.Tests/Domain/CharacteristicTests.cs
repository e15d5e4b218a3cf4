using Platform.Populations.Domain.Characteristics;

namespace Platform.Populations.Tests.Domain;

public class CharacteristicTests
{
    [Fact]
    public void Every_weighted_characteristic_has_a_count_as_base_and_counts_have_none()
    {
        foreach (var characteristic in Characteristic.All)
        {
            if (characteristic.IsWeighted)
            {
                Assert.Equal(CharacteristicKind.Count, characteristic.Base?.Kind);
            }
            else
            {
                Assert.Null(characteristic.Base);
            }
        }
    }

    [Fact]
    public void Keys_are_snake_case_and_found_back()
    {
        foreach (var characteristic in Characteristic.All)
        {
            Assert.Matches("^[a-z][a-z0-9_]*$", characteristic.Key);
            Assert.Same(characteristic, Characteristic.Find(characteristic.Key));
        }

        Assert.False(Characteristic.TryFind("Inhabitants", out _));
    }

    [Fact]
    public void Values_reject_a_share_above_one_and_a_negative_count()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            CharacteristicValuesBuilder.Values((Characteristic.SocialIsolationShare, 12.5)));
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            CharacteristicValuesBuilder.Values((Characteristic.Households, -1)));
    }

    [Fact]
    public void Values_by_key_keep_unknown_as_null()
    {
        var values = CharacteristicValues.FromKeys([KeyValuePair.Create("inhabitants", (double?)120), KeyValuePair.Create("wmo_clients", (double?)null)]);

        Assert.Equal(120, values[Characteristic.Inhabitants]);
        Assert.Null(values[Characteristic.WmoClients]);
        Assert.Single(values.Known);
        Assert.Throws<KeyNotFoundException>(() => CharacteristicValues.FromKeys([KeyValuePair.Create("nope", (double?)1)]));
    }
}
