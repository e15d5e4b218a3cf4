using Platform.Persistence;
using Platform.Populations.Data;
using Platform.Populations.Domain;
using Platform.Populations.Domain.Analysis;
using Platform.Populations.Tests.Domain.Analysis;
using Platform.Security;

namespace Platform.Populations.Benchmarks;

/// <summary>
/// The overlaps as one hand-written query over the populations as the service stores them: each population's
/// areas expanded to neighbourhoods through the areas table, then a self-join on the same tests as the analysis.
/// It returns only the pairs, so it is a floor for the pair search, not a rival that builds the overlaps.
/// </summary>
internal static class SqlOverlapPeer
{
    // The prefix rule of the analysis's area tree, made an equality the planner can join on: a neighbourhood
    // lies in an area when "BU" plus the area's digits is the neighbourhood's code or its first 8 or 6 characters.
    private const string Query = """
        WITH active AS (
            SELECT id, municipality, areas, laws, care_forms, diagnosis_group,
                   age_from, coalesce(age_to, 120) AS age_to, valid_from, coalesce(valid_to, 'infinity') AS valid_to
            FROM populations WHERE status = 'active'),
        covered AS (
            SELECT p.id, array_agg(DISTINCT b.code) AS neighbourhoods
            FROM active p
            CROSS JOIN LATERAL unnest(p.areas) AS a(code)
            JOIN (SELECT code, municipality, unnest(ARRAY[code, left(code, 8), left(code, 6)]) AS prefix
                  FROM areas WHERE level = 'neighbourhood') AS b
                ON b.prefix = 'BU' || substr(a.code, 3) AND b.municipality = p.municipality
            GROUP BY p.id)
        SELECT x.id, y.id
        FROM active x
        JOIN active y ON x.id < y.id AND x.municipality = y.municipality
            AND x.laws && y.laws
            AND x.age_from <= y.age_to AND y.age_from <= x.age_to
            AND x.valid_from <= y.valid_to AND y.valid_from <= x.valid_to
            AND (cardinality(x.care_forms) = 0 OR cardinality(y.care_forms) = 0 OR x.care_forms && y.care_forms)
            AND (x.diagnosis_group IS NULL OR y.diagnosis_group IS NULL OR x.diagnosis_group = y.diagnosis_group)
        JOIN covered cx ON cx.id = x.id
        JOIN covered cy ON cy.id = y.id AND cx.neighbourhoods && cy.neighbourhoods
        """;

    private static readonly CallerContext Advisor = new(SyntheticMunicipality.Municipality, "bench", [PlatformRoles.PolicyAdvisor]);

    /// <summary>Stores the city, checks the query finds the analysis's pairs, and times it.</summary>
    public static async Task<Measurement> MeasureAsync(BenchDatabase bench, SyntheticMunicipality city, IReadOnlyList<PopulationOverlap> overlaps, int runs)
    {
        await StoreAsync(bench, city);
        var expected = overlaps.Select(o => Pair(o.First.Id, o.Second.Id)).ToHashSet();
        var found = (await FindAsync(bench)).Select(p => Pair(p.First, p.Second)).ToHashSet();
        Console.WriteLine($"pairs found: analysis {expected.Count:N0}, SQL {found.Count:N0}");
        if (!found.SetEquals(expected))
        {
            throw new InvalidOperationException(
                $"The SQL query and the analysis disagree: {found.Except(expected).Count()} pairs only in SQL, " +
                $"{expected.Except(found).Count()} only in the analysis.");
        }

        return await Measurement.OfAsync("overlap pairs, one SQL query (peer)", runs, () => FindAsync(bench));
    }

    private static async Task StoreAsync(BenchDatabase bench, SyntheticMunicipality city)
    {
        var neighbourhoods = city.Tree.Neighbourhoods;
        var areas = neighbourhoods.Select(n => (n.Value, "neighbourhood"))
            .Concat(neighbourhoods.Select(n => n.District!).Distinct().Select(d => (d, "district")))
            .Append((SyntheticMunicipality.Municipality, "municipality"))
            .ToList();
        await bench.Database.InTransactionAsync(new CallerContext(null, "bench", [PlatformRoles.PlatformAdmin]), session =>
            session.ExecuteAsync(
                "INSERT INTO areas (code, level, municipality, name) SELECT c, l, $3, c FROM unnest($1::text[], $2::text[]) AS a(c, l)",
                CancellationToken.None, areas.Select(a => a.Item1).ToArray(), areas.Select(a => a.Item2).ToArray(), SyntheticMunicipality.Municipality));
        await bench.Database.InTransactionAsync(Advisor, async session =>
        {
            foreach (var population in city.Populations)
            {
                await PopulationStore.InsertAsync(session, population, CancellationToken.None);
            }
        });

        // Fresh statistics, so the planner sees 500 populations and not an empty table.
        await bench.OwnerExecuteAsync("ANALYZE areas; ANALYZE populations");
    }

    private static Task<List<(Guid First, Guid Second)>> FindAsync(BenchDatabase bench) =>
        bench.Database.InTransactionAsync(Advisor, async session =>
        {
            await using var command = session.Command(Query);
            await using var reader = await command.ExecuteReaderAsync();
            var pairs = new List<(Guid, Guid)>();
            while (await reader.ReadAsync())
            {
                pairs.Add((reader.GetGuid(0), reader.GetGuid(1)));
            }

            return pairs;
        });

    /// <summary>A pair without its order, since the analysis orders by name and the query by id.</summary>
    private static (Guid, Guid) Pair(Guid a, Guid b) => a.CompareTo(b) < 0 ? (a, b) : (b, a);
}
