using Platform.Populations.Domain.Analysis;
using Platform.Populations.Tests.Domain.Analysis;

namespace Platform.Populations.Benchmarks;

/// <summary>
/// What the in-memory analysis is compared with in the same run, each printed as a ratio against it: the
/// hand-written SQL overlap query over the same populations, stored in the service's own schema.
/// </summary>
internal static class Peers
{
    public static async Task<IReadOnlyList<Measurement>> MeasureAsync(
        BenchDatabase bench, SyntheticMunicipality city, IReadOnlyList<PopulationOverlap> overlaps, int runs)
    {
        ArgumentNullException.ThrowIfNull(city);
        ArgumentOutOfRangeException.ThrowIfLessThan(runs, 1);
        return [await SqlOverlapPeer.MeasureAsync(bench, city, overlaps, runs)];
    }
}
