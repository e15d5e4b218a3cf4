using Platform.Hosting;
using Platform.Populations.Analysis;
using Platform.Populations.Api;
using Platform.Populations.Definitions;
using Platform.Populations.Demo;
using Platform.Populations.Domain;
using Platform.Populations.Grpc;
using Platform.Populations.Import;
using Platform.Populations.Resend;
using Platform.Populations.Responsibilities;
using Platform.Provider.Contracts.Identity;
using Platform.Resources;
using Platform.Security;

namespace Platform.Populations;

internal static class Extensions
{
    /// <summary>This service's entry in the platform's resource list: its name, database, broker and gRPC endpoint.</summary>
    public static PlatformService Resource => PlatformResources.Populations;

    public static IHostApplicationBuilder AddPopulationsServices(this IHostApplicationBuilder builder)
    {
        builder.AddPlatformService<PopulationCommands>(Resource);
        builder.Services.Configure<Microsoft.AspNetCore.Authorization.AuthorizationOptions>(PopulationsPolicies.Add);
        builder.AddProviderIdentity();

        builder.Services.AddSingleton<AnalysisRefresh>();
        builder.Services.AddSingleton<PopulationCommands>();
        builder.Services.AddSingleton<ResponsibilityCommands>();
        builder.Services.AddSingleton<CbsImports>();
        builder.Services.AddSingleton<StateResend>();
        builder.AddDemoRegion();
        return builder;
    }

    public static WebApplication MapPopulationsApi(this WebApplication app)
    {
        var api = app.MapPlatformService(Resource);
        api.MapPopulationsEndpoints();
        api.MapResponsibilitiesEndpoints();
        api.MapAreasEndpoints();
        api.MapAnalysisEndpoints();
        api.MapRegionsEndpoints();
        api.MapEventsEndpoints();

        app.MapGrpcService<ProviderPopulationsService>();
        app.MapPlatformGrpc();
        return app;
    }
}
