using System.Diagnostics;
using System.Globalization;
using Platform.Populations.Benchmarks;
using Platform.Populations.Import;

// Parse speed of the CBS reader on a synthetic file of about 20,000 rows (the service target end to end),
// against a naive string.Split parser of the same text measured in the same run. Best of several rounds.
var rounds = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 10;
var text = SyntheticCbsFile.Create("GM0363", "Amsterdam", districts: 200, neighbourhoodsPerDistrict: 99, seed: 1);

var check = CbsKerncijfersReader.Read(new StringReader(text));
Console.WriteLine($"Rows: {check.Rows.Count:N0} accepted, {check.Rejected.Count} rejected; {text.Length / 1024.0 / 1024.0:N1} MiB of text");

var reader = Best(rounds, () => CbsKerncijfersReader.Read(new StringReader(text)).Rows.Count);
var naive = Best(rounds, () => NaiveSplitPeer.Read(text));
Console.WriteLine($"CBS reader (checks, values)   : {reader,12:N0} rows/s");
Console.WriteLine($"naive string.Split peer       : {naive,12:N0} rows/s");
Console.WriteLine($"ratio reader/naive: {reader / naive:N2}");

static double Best(int rounds, Func<int> read)
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
