namespace Platform.Populations.Grpc;

internal static class ProviderPopulationsService
{
    public static WebApplication MapProviderPopulationsService(this WebApplication app) => app;
}
