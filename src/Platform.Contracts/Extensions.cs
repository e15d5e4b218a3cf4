using Platform.Contracts.Amendments;
using Platform.Contracts.Api;
using Platform.Contracts.Contracts;
using Platform.Contracts.Demo;
using Platform.Contracts.Grpc;
using Platform.Contracts.Lifecycle;
using Platform.Contracts.Steering;
using Platform.Hosting;
using Platform.Resources;

namespace Platform.Contracts;

internal static class Extensions
{
    /// <summary>This service's entry in the platform's resource list: its name, database, broker and gRPC endpoint.</summary>
    public static PlatformService Resource => PlatformResources.Contracts;

    public static IHostApplicationBuilder AddContractsServices(this IHostApplicationBuilder builder)
    {
        builder.AddPlatformService<ContractCommands>(Resource);
        builder.Services.Configure<Microsoft.AspNetCore.Authorization.AuthorizationOptions>(ContractsPolicies.Add);
        builder.Services.Configure<Microsoft.AspNetCore.Authorization.AuthorizationOptions>(RegionApi.AddPolicy);
        builder.Services.AddSingleton<ContractCommands>();
        builder.Services.AddSingleton<ContractLifecycle>();
        builder.Services.AddSingleton<AmendmentCommands>();
        builder.Services.AddSingleton<SteeringCommands>();
        builder.Services.AddSingleton<TalkRecordCommands>();
        builder.AddDemoContracts();
        return builder;
    }

    public static WebApplication MapContractsApi(this WebApplication app)
    {
        var api = app.MapPlatformService(Resource);
        api.MapContractsEndpoints();
        api.MapAmendmentsEndpoints();
        api.MapSteeringEndpoints();
        api.MapTalksEndpoints();
        api.MapRegionEndpoints();

        app.MapGrpcService<ProviderContractsService>();
        app.MapPlatformGrpc();
        return app;
    }
}
