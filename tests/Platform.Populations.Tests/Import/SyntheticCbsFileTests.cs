using Platform.Populations.Domain;
using Platform.Populations.Domain.Characteristics;
using Platform.Populations.Import;

namespace Platform.Populations.Tests.Import;

public class SyntheticCbsFileTests
{
    private static readonly Characteristic[] Counts = Characteristic.All.Where(c => c.Kind == CharacteristicKind.Count).ToArray();

    [Fact]
    public void Generated_file_reads_back_without_rejections()
    {
        var result = Read(SyntheticCbsFile.Create("GM0589", "Oudewater", 6, 12, seed: 7));

        Assert.Empty(result.Rejected);
        Assert.Empty(result.MissingCharacteristics);
        Assert.Equal(1 + 6 + (6 * 12), result.Rows.Count);
        Assert.All(result.Rows, r => Assert.Equal("Oudewater", r.MunicipalityName));
    }

    [Fact]
    public void Municipality_and_districts_equal_the_sums_of_their_neighbourhoods()
    {
        var rows = Read(SyntheticCbsFile.Create("GM0589", "Oudewater", 5, 20, seed: 11)).Rows;
        var neighbourhoods = rows.Where(r => r.Code.Level == AreaLevel.Neighbourhood).ToList();

        foreach (var area in rows.Where(r => r.Code.Level != AreaLevel.Neighbourhood))
        {
            var parts = neighbourhoods.Where(n => area.Code.Contains(n.Code)).Select(n => n.Values).ToList();
            var sum = CharacteristicAggregator.Aggregate(parts);
            foreach (var count in Counts)
            {
                // A suppressed neighbourhood makes its sum unknown, while CBS still publishes the district.
                if (sum[count] is { } known)
                {
                    Assert.Equal(known, area.Values[count]);
                }
            }

            Assert.Equal(sum[Characteristic.Inhabitants], area.Values[Characteristic.Inhabitants]);

            // Shares are published to 0.1 percentage point, so the weighted mean matches within that.
            if (sum[Characteristic.LowIncomeHouseholdsShare] is { } share)
            {
                Assert.InRange(area.Values[Characteristic.LowIncomeHouseholdsShare]!.Value - share, -0.001, 0.001);
            }
            Assert.NotNull(area.Values[Characteristic.SesScore]);
        }
    }

    [Fact]
    public void Generated_numbers_are_plausible()
    {
        var rows = Read(SyntheticCbsFile.Create("GM0589", "Oudewater", 10, 30, seed: 3)).Rows;

        Assert.All(rows, row =>
        {
            var v = row.Values;
            var bands = v[Characteristic.Age0To14] + v[Characteristic.Age15To24] + v[Characteristic.Age25To44]
                + v[Characteristic.Age45To64] + v[Characteristic.Age65Plus];
            Assert.Equal(v[Characteristic.Inhabitants], bands);
            Assert.True(v[Characteristic.Households] <= v[Characteristic.Inhabitants]);
            Assert.True(v[Characteristic.HouseholdsWithChildren] <= v[Characteristic.Households]);
            if (v[Characteristic.SesScore] is { } ses)
            {
                Assert.InRange(ses, -1, 1);
            }
        });
        Assert.Contains(rows, r => r.Values[Characteristic.SocialIsolationShare] is null);
        var scores = rows.Select(r => r.Values[Characteristic.SesScore]).OfType<double>().ToList();
        Assert.InRange(scores.Average(), -0.1, 0.1);
    }

    [Fact]
    public void The_same_seed_gives_the_same_file_and_another_seed_another()
    {
        var first = SyntheticCbsFile.Create("GM0589", "Oudewater", 3, 4, seed: 5);

        Assert.Equal(first, SyntheticCbsFile.Create("GM0589", "Oudewater", 3, 4, seed: 5));
        Assert.NotEqual(first, SyntheticCbsFile.Create("GM0589", "Oudewater", 3, 4, seed: 6));
    }

    [Fact]
    public void A_hundred_districts_get_letter_codes_and_a_thousand_neighbourhoods_fit_in_one_municipality()
    {
        var result = Read(SyntheticCbsFile.Create("GM0363", "Amsterdam", 100, 10, seed: 1));

        Assert.Empty(result.Rejected);
        Assert.Equal(1000, result.Rows.Count(r => r.Code.Level == AreaLevel.Neighbourhood));
        Assert.Contains(result.Rows, r => r.Code.Value == "WK0363A0");
        Assert.Contains(result.Rows, r => r.Code.Value == "BU0363CR09");
    }

    [Theory]
    [InlineData(0, 99, "00")]
    [InlineData(42, 99, "42")]
    [InlineData(0, 100, "A0")]
    [InlineData(35, 100, "AZ")]
    [InlineData(36, 100, "B0")]
    [InlineData(935, 936, "ZZ")]
    public void District_and_neighbourhood_parts_use_letters_from_a_hundred_on(int index, int count, string expected)
    {
        Assert.Equal(expected, SyntheticCbsFile.Part(index, count));
    }

    private static CbsReadResult Read(string text)
    {
        using var reader = new StringReader(text);
        return CbsKerncijfersReader.Read(reader);
    }
}
