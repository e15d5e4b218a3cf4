namespace Platform.Populations.Demo;

internal static class DemoRegion
{
    public static IHostApplicationBuilder AddDemoRegion(this IHostApplicationBuilder builder) => builder;
}
