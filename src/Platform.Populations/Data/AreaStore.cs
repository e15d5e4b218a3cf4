using Platform.Persistence.Sessions;
using Platform.Populations.Domain;

namespace Platform.Populations.Data;

/// <summary>A CBS area as stored.</summary>
public sealed record Area(string Code, string Level, string Municipality, string Name);

internal static class AreaStore
{
    /// <summary>Every known area of a municipality, all levels.</summary>
    public static async Task<List<AreaCode>> CodesAsync(DbSession session, string municipality, CancellationToken ct) =>
        await session.QueryAsync("SELECT code FROM areas WHERE municipality = $1 ORDER BY code", r => AreaCode.Parse(r.GetString(0)), ct, municipality);

    /// <summary>The areas of a municipality, of one level or all.</summary>
    public static Task<List<Area>> ListAsync(DbSession session, string municipality, string? level, CancellationToken ct) =>
        session.QueryAsync(
            "SELECT code, level, municipality, name FROM areas WHERE municipality = $1 AND ($2::text IS NULL OR level = $2) ORDER BY code",
            r => new Area(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3)),
            ct, municipality, level);

    /// <summary>Every municipality with imported areas.</summary>
    public static Task<List<string>> MunicipalitiesAsync(DbSession session, CancellationToken ct) =>
        session.QueryAsync("SELECT DISTINCT municipality FROM areas ORDER BY 1", r => r.GetString(0), ct);

    public static async Task<bool> ExistsAsync(DbSession session, string code, CancellationToken ct) =>
        await session.ScalarAsync<string>("SELECT code FROM areas WHERE code = $1", ct, code) is not null;
}
