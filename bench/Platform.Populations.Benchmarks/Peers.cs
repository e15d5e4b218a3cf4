using Platform.Populations.Tests.Domain.Analysis;

namespace Platform.Populations.Benchmarks;

/// <summary>
/// What the in-memory analysis is compared with in the same run, each printed as a ratio against it.
/// The hand-written SQL overlap query over the same populations, and the import of those populations
/// into the database, are measured here once the database schema exists; until then there is no peer.
/// </summary>
internal static class Peers
{
    public static IEnumerable<Measurement> Measure(SyntheticMunicipality city, int runs)
    {
        ArgumentNullException.ThrowIfNull(city);
        ArgumentOutOfRangeException.ThrowIfLessThan(runs, 1);
        return [];
    }
}
