using Platform.Referrals.Domain.Monitoring;

namespace Platform.Referrals.Tests.Monitoring;

public class PeerComparisonTests
{
    [Fact]
    public void Each_unit_is_compared_with_the_pooled_rate_of_all()
    {
        // 40 referrals in 10,000 inhabitants: 4 per 1,000. Expected: A 16, B 16, C 8.
        // C: 15 > 13.543, the interpolated 97.5% quantile of Poisson(8), but < 17.630, its 99.9% quantile.
        // A: 8 < 8.141, the 2.5% quantile of Poisson(16). B: 17 lies within 8.141 and 23.813.
        var result = PeerComparison.Compare(
        [
            new UnitCount("BU00010001", 8, 4_000),
            new UnitCount("BU00010002", 17, 4_000),
            new UnitCount("BU00010003", 15, 2_000),
        ]);

        Assert.Equal(4.0, result.PooledRate);
        Assert.Equal([16.0, 16.0, 8.0], result.Units.Select(u => u.Limits.Expected));
        Assert.Equal(
            [FunnelPosition.BetweenLower95And998, FunnelPosition.Within95, FunnelPosition.BetweenUpper95And998],
            result.Units.Select(u => u.Position));
        Assert.Equal(7.5, result.Units[2].Rate);
        Assert.Equal(13.543, result.Units[2].Limits.Counts95.Upper, 0.001);
        Assert.Equal(17.630, result.Units[2].Limits.Counts998.Upper, 0.001);
    }

    [Fact]
    public void Peers_without_population_have_no_pooled_rate() =>
        Assert.Null(PeerComparison.Compare([new UnitCount("BU00010001", 0, 0)]).PooledRate);
}
