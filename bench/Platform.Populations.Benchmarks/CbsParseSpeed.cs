using System.Diagnostics;
using Platform.Populations.Import;

namespace Platform.Populations.Benchmarks;

/// <summary>
/// Parse speed of the CBS reader on a synthetic file of about 20,000 rows (the import target), against a
/// naive string.Split parser of the same text in the same run. Best of several rounds.
/// </summary>
internal static class CbsParseSpeed
{
    public static void Run(int rounds)
    {
        var text = SyntheticCbsFile.Create("GM0363", "Amsterdam", districts: 200, neighbourhoodsPerDistrict: 99, seed: 1);
        var check = CbsKerncijfersReader.Read(new StringReader(text));
        Console.WriteLine($"CBS file: {check.Rows.Count:N0} rows accepted, {check.Rejected.Count} rejected; {text.Length / 1024.0 / 1024.0:N1} MiB of text");

        var reader = Best(rounds, () => CbsKerncijfersReader.Read(new StringReader(text)).Rows.Count);
        var naive = Best(rounds, () => NaiveSplitPeer.Read(text));
        Console.WriteLine($"CBS reader (checks, values)   : {reader,12:N0} rows/s");
        Console.WriteLine($"naive string.Split peer       : {naive,12:N0} rows/s");
        Console.WriteLine($"ratio reader/naive: {reader / naive:N2}");
    }

    private static double Best(int rounds, Func<int> read)
    {
        read();
        var best = 0.0;
        for (var i = 0; i < rounds; i++)
        {
            var watch = Stopwatch.StartNew();
            var rows = read();
            best = Math.Max(best, rows / watch.Elapsed.TotalSeconds);
        }

        return best;
    }
}
