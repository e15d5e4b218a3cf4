namespace Platform.Populations;

internal static class Extensions
{
    public static IHostApplicationBuilder AddPopulationsServices(this IHostApplicationBuilder builder)
    {
        return builder;
    }

    public static WebApplication MapPopulationsApi(this WebApplication app)
    {
        return app;
    }
}
