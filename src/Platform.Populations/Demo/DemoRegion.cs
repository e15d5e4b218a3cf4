namespace Platform.Populations.Demo;

/// <summary>
/// The demo region Holland Rijnland for the local run: three municipalities with districts, neighbourhoods
/// and two years of synthetic CBS figures, and populations in the styles the seed report describes.
/// Enabled by <c>Populations:SeedDemoRegion=true</c> (the local launcher sets it); idempotent.
/// </summary>
internal static class DemoRegion
{
    public const string SettingKey = "Populations:SeedDemoRegion";

    public const string Region = "holland-rijnland";

    /// <summary>The municipalities of the realm's demo users, with the size of their synthetic area tree.</summary>
    public static readonly (string Code, string Name, int Districts, int NeighbourhoodsPerDistrict)[] Municipalities =
    [
        ("GM0484", "Alphen aan den Rijn", 12, 5),
        ("GM1884", "Kaag en Braassem", 6, 4),
        ("GM0569", "Nieuwkoop", 5, 4),
    ];

    public static readonly DateOnly[] ReferenceDates = [new(2023, 1, 1), new(2024, 1, 1)];

    public static IHostApplicationBuilder AddDemoRegion(this IHostApplicationBuilder builder)
    {
        if (builder.Configuration.GetValue<bool>(SettingKey))
        {
            builder.Services.AddHostedService<DemoRegionSeeder>();
        }

        return builder;
    }
}
