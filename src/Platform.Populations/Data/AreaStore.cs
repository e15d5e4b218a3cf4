using Platform.Persistence.Sessions;
using Platform.Populations.Domain;

namespace Platform.Populations.Data;

internal static class AreaStore
{
    /// <summary>Every known area of a municipality, all levels.</summary>
    public static async Task<List<AreaCode>> CodesAsync(DbSession session, string municipality, CancellationToken ct)
    {
        await using var command = session.Command("SELECT code FROM areas WHERE municipality = $1 ORDER BY code", municipality);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var codes = new List<AreaCode>();
        while (await reader.ReadAsync(ct))
        {
            codes.Add(AreaCode.Parse(reader.GetString(0)));
        }

        return codes;
    }
}
