using System.Globalization;
using Platform.Populations.Benchmarks;
using Platform.Populations.Domain;
using Platform.Populations.Domain.Analysis;
using Platform.Populations.Tests.Domain.Analysis;

// Overlap and gap analysis of one municipality of 1,000 neighbourhoods with 500 populations, against the
// target of 200 ms for both together and against the peers in Peers.cs; then the CBS reader's parse speed
// and the import of a CBS file into PostgreSQL, each against its floor.
var runs = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 21;
var target = TimeSpan.FromMilliseconds(200);
var city = SyntheticMunicipality.Build();
var window = SyntheticMunicipality.Window;

var overlaps = OverlapAnalysis.Find(city.Tree, city.Populations);
var gaps = Enum.GetValues<Law>().Sum(law => CoverageGapAnalysis.Find(city.Tree, city.Populations, law, window).Count);
Console.WriteLine($"{city.Tree.Neighbourhoods.Count:N0} neighbourhoods, {city.Populations.Count:N0} populations " +
    $"({city.Populations.Count(p => p.Status == PopulationStatus.Active):N0} active); " +
    $"{overlaps.Count:N0} overlaps, {gaps:N0} gaps over {Enum.GetValues<Law>().Length} laws; median of {runs} runs");
#if DEBUG
Console.WriteLine("Debug build: run with -c Release for numbers worth comparing.");
#endif

var overlap = Measurement.Of("overlap analysis", runs, () => OverlapAnalysis.Find(city.Tree, city.Populations));
var gap = Measurement.Of("gap analysis, one law", runs, () => CoverageGapAnalysis.Find(city.Tree, city.Populations, Law.Wmo, window));
var both = Measurement.Of("overlap + gap analysis", runs, () =>
{
    OverlapAnalysis.Find(city.Tree, city.Populations);
    CoverageGapAnalysis.Find(city.Tree, city.Populations, Law.Wmo, window);
});
var wmoGaps = CoverageGapAnalysis.Find(city.Tree, city.Populations, Law.Wmo, window);
var fingerprints = Measurement.Of("fingerprints of both results", runs, () =>
{
    AnalysisFingerprint.Of(overlaps);
    AnalysisFingerprint.Of(wmoGaps);
});

await using var bench = await BenchDatabase.StartAsync();
Console.WriteLine($"PostgreSQL on port {bench.Port}, database {bench.Settings.DatabaseName} as {bench.Settings.AppRole}");
var peers = await Peers.MeasureAsync(bench, city, overlaps, runs);
foreach (var measurement in new[] { overlap, gap, both, fingerprints }.Concat(peers))
{
    Console.WriteLine(measurement.Row(both.Median));
}

Console.WriteLine($"ratio overlap analysis/SQL query: {overlap.Median / peers[0].Median:N3} (the query takes {peers[0].Median / overlap.Median:N0}x as long)");

Console.WriteLine($"target {target.TotalMilliseconds:N0} ms for overlap + gap: {(both.Median <= target ? "met" : "MISSED")} " +
    $"({both.Median / target:P0} of the budget)");
CbsParseSpeed.Run(Math.Min(runs, 10));
await CbsImportSpeed.RunAsync(bench, Math.Min(runs, 5));
