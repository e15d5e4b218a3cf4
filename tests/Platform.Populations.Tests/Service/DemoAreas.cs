namespace Platform.Populations.Tests.Service;

/// <summary>Small sets of CBS areas written straight into a test's database, for tests that are not about importing.</summary>
internal static class DemoAreas
{
    /// <summary>Alphen aan den Rijn (GM0484) with two districts of two neighbourhoods, Kaag en Braassem (GM1884) with one of one.</summary>
    public static readonly (string Code, string Level, string Name)[] Areas =
    [
        ("GM0484", "municipality", "Alphen aan den Rijn"),
        ("WK048401", "district", "Centrum"),
        ("BU04840101", "neighbourhood", "Oude Rijn"),
        ("BU04840102", "neighbourhood", "Hoorn"),
        ("WK048402", "district", "Noord"),
        ("BU04840201", "neighbourhood", "Kerk en Zanen"),
        ("BU04840202", "neighbourhood", "Ridderveld"),
        ("GM1884", "municipality", "Kaag en Braassem"),
        ("WK188401", "district", "Roelofarendsveen"),
        ("BU18840101", "neighbourhood", "Roelofarendsveen-Centrum"),
    ];

    public static async Task SeedAsync(PopulationsFixture fixture)
    {
        foreach (var (code, level, name) in Areas)
        {
            await fixture.AsOwnerAsync<object>(
                "INSERT INTO areas (code, level, municipality, name) VALUES ($1, $2, 'GM' || substr($1, 3, 4), $3) ON CONFLICT DO NOTHING",
                code, level, name);
        }

        await fixture.AsOwnerAsync<object>("INSERT INTO regions VALUES ('holland-rijnland', 'Holland Rijnland') ON CONFLICT DO NOTHING");
        foreach (var municipality in new[] { "GM0484", "GM1884", "GM0569" })
        {
            await fixture.AsOwnerAsync<object>(
                "INSERT INTO region_municipalities VALUES ($1, 'holland-rijnland') ON CONFLICT DO NOTHING", municipality);
        }
    }
}
