using System.Diagnostics;
using System.Text;
using NpgsqlTypes;
using Platform.Persistence;
using Platform.Populations.Data;
using Platform.Populations.Import;
using Platform.Security;

namespace Platform.Populations.Benchmarks;

/// <summary>
/// The import of a CBS file of about 20,000 rows through the service's path (reader, then the store in one
/// transaction as the application role under row-level security), first into empty tables and then again
/// with the same file, against a plain binary COPY of the same rows into a bare table: the floor here.
/// </summary>
internal static class CbsImportSpeed
{
    private const double TargetRowsPerSecond = 20_000;
    private static readonly CallerContext Admin = new(null, "bench", [PlatformRoles.PlatformAdmin]);
    private static readonly DateOnly ReferenceDate = new(2024, 1, 1);

    public static async Task RunAsync(BenchDatabase bench, int rounds)
    {
        var file = Encoding.UTF8.GetBytes(SyntheticCbsFile.Create("GM0363", "Amsterdam", districts: 200, neighbourhoodsPerDistrict: 99, seed: 1));
        var rows = (await CbsKerncijfersReader.ReadAsync(new MemoryStream(file))).Rows;

        var first = new List<(TimeSpan Total, TimeSpan Write)>();
        for (var round = 0; round < rounds; round++)
        {
            // Empty tables each round: the first import of a municipality writes every row.
            await bench.OwnerExecuteAsync("TRUNCATE area_characteristics, areas, cbs_imports");
            var (total, write, changes) = await ImportAsync(bench, file);
            Expect(changes.AreasAdded == rows.Count && changes.CharacteristicsChanged == rows.Count, $"first import wrote {changes.AreasAdded} areas");
            first.Add((total, write));
        }

        var repeat = new List<TimeSpan>();
        var changed = 0;
        for (var round = 0; round < rounds; round++)
        {
            var (total, _, changes) = await ImportAsync(bench, file);
            changed += changes.AreasAdded + changes.CharacteristicsChanged;
            repeat.Add(total);
        }

        var copy = await CopyFloorAsync(bench, rows, rounds);

        double PerSecond(TimeSpan time) => rows.Count / time.TotalSeconds;
        var firstRate = PerSecond(Median(first.Select(f => f.Total)));
        var repeatRate = PerSecond(Median(repeat));
        var copyRate = PerSecond(copy);
        Console.WriteLine($"CBS import: {rows.Count:N0} rows, {file.Length / 1024.0 / 1024.0:N1} MiB; median of {rounds} imports each");
        Console.WriteLine($"first import, empty tables (read + write) : {firstRate,10:N0} rows/s  (write alone {PerSecond(Median(first.Select(f => f.Write))):N0} rows/s)");
        Console.WriteLine($"repeat import, same file                  : {repeatRate,10:N0} rows/s  (changed: {changed})");
        Console.WriteLine($"plain binary COPY into a bare table (peer): {copyRate,10:N0} rows/s");
        Console.WriteLine($"ratio first import/COPY: {firstRate / copyRate:N2}; repeat/COPY: {repeatRate / copyRate:N2}");
        Console.WriteLine($"target {TargetRowsPerSecond:N0} rows/s for the first import: {(firstRate >= TargetRowsPerSecond ? "met" : "MISSED")}");
        Expect(changed == 0, $"repeat imports changed {changed} rows");
    }

    /// <summary>The import as <c>CbsImports</c> does it, without the outbox: the file is read, then written in one transaction.</summary>
    private static async Task<(TimeSpan Total, TimeSpan Write, ImportChanges Changes)> ImportAsync(BenchDatabase bench, byte[] file)
    {
        var started = Stopwatch.GetTimestamp();
        var read = await CbsKerncijfersReader.ReadAsync(new MemoryStream(file));
        var written = Stopwatch.GetTimestamp();
        var changes = await bench.Database.InTransactionAsync(Admin, session =>
            CbsImportStore.WriteAsync(session, read.Rows, ReferenceDate, Guid.CreateVersion7(), CancellationToken.None));
        return (Stopwatch.GetElapsedTime(started), Stopwatch.GetElapsedTime(written), changes);
    }

    /// <summary>The same rows, serialised beforehand, copied by one transaction with nothing checked or merged.</summary>
    private static async Task<TimeSpan> CopyFloorAsync(BenchDatabase bench, IReadOnlyList<CbsAreaRow> rows, int rounds)
    {
        var prepared = rows.Select(r => (r.Code.Value, CbsImportStore.Level(r.Code.Level), r.Code.Municipality, r.Name, CharacteristicsJson.Write(r.Values))).ToList();
        await bench.OwnerExecuteAsync("""CREATE TABLE IF NOT EXISTS copy_floor (code text, level text, municipality text, name text, "values" jsonb)""");
        var times = new List<TimeSpan>();
        for (var round = 0; round < rounds; round++)
        {
            await bench.OwnerExecuteAsync("TRUNCATE copy_floor");
            var started = Stopwatch.GetTimestamp();
            await using (var connection = await bench.Database.DataSource.OpenConnectionAsync())
            await using (var transaction = await connection.BeginTransactionAsync())
            {
                await using (var copy = await connection.BeginBinaryImportAsync("COPY copy_floor (code, level, municipality, name, \"values\") FROM STDIN (FORMAT BINARY)"))
                {
                    foreach (var (code, level, municipality, name, values) in prepared)
                    {
                        await copy.StartRowAsync();
                        await copy.WriteAsync(code, NpgsqlDbType.Text);
                        await copy.WriteAsync(level, NpgsqlDbType.Text);
                        await copy.WriteAsync(municipality, NpgsqlDbType.Text);
                        await copy.WriteAsync(name, NpgsqlDbType.Text);
                        await copy.WriteAsync(values, NpgsqlDbType.Jsonb);
                    }

                    await copy.CompleteAsync();
                }

                await transaction.CommitAsync();
            }

            times.Add(Stopwatch.GetElapsedTime(started));
        }

        return Median(times);
    }

    private static TimeSpan Median(IEnumerable<TimeSpan> times)
    {
        var sorted = times.Order().ToList();
        return sorted[sorted.Count / 2];
    }

    private static void Expect(bool condition, string failure)
    {
        if (!condition)
        {
            throw new InvalidOperationException("CBS import: " + failure);
        }
    }
}
