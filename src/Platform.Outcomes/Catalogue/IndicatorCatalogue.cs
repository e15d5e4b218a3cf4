using Platform.Persistence.Sessions;

namespace Platform.Outcomes.Catalogue;

/// <summary>One version of an indicator's definition: what counts, how it is computed, and from when it applies.</summary>
internal sealed record IndicatorDefinition(
    string Code, string Family, string Name, int Version, DateOnly ValidFrom, string Unit, string Statistic,
    string Numerator, string? Denominator, string CountsClients, string? DayType, string? Reading, int MinimumMeasurements);

/// <summary>Reads the indicator catalogue: every indicator with the definition versions it has had.</summary>
internal static class IndicatorCatalogue
{
    private const string Select = """
        SELECT i.code, i.family, i.name, d.version, d.valid_from, d.unit, d.statistic, d.numerator, d.denominator,
               d.counts_clients, d.day_type, d.reading, d.minimum_measurements
        FROM indicators i JOIN indicator_definitions d ON d.code = i.code
        """;

    public static Task<List<IndicatorDefinition>> AllAsync(DbSession session, CancellationToken ct) =>
        session.QueryAsync(Select + " ORDER BY i.code, d.version", Read, ct);

    public static Task<List<IndicatorDefinition>> VersionsAsync(DbSession session, string code, CancellationToken ct) =>
        session.QueryAsync(Select + " WHERE i.code = $1 ORDER BY d.version", Read, ct, code);

    private static IndicatorDefinition Read(Npgsql.NpgsqlDataReader r) => new(
        r.GetString(0), r.GetString(1), r.GetString(2), r.GetInt32(3), DateOnly.FromDateTime(r.GetDateTime(4)),
        r.GetString(5), r.GetString(6), r.GetString(7), r.IsDBNull(8) ? null : r.GetString(8), r.GetString(9),
        r.IsDBNull(10) ? null : r.GetString(10), r.IsDBNull(11) ? null : r.GetString(11), r.GetInt32(12));
}
