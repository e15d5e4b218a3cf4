using Platform.Hosting;
using Platform.Messaging;
using Platform.Persistence;
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
using Platform.Security;

namespace Platform.Populations;

internal static class Extensions
{
    public const string ServiceName = "populations";
    public const string DatabaseName = "populationsdb";

    public static IHostApplicationBuilder AddPopulationsServices(this IHostApplicationBuilder builder)
    {
        builder.AddPlatformDatabase(DatabaseName, typeof(Extensions).Assembly);
        builder.AddPlatformMessaging(ServiceName);
        builder.AddPlatformAuthentication();
        builder.Services.AddAuthorizationBuilder();
        builder.Services.Configure<Microsoft.AspNetCore.Authorization.AuthorizationOptions>(PopulationsPolicies.Add);
        builder.AddPlatformGrpc();
        builder.AddProviderIdentity();
        builder.Services.AddProblemDetails();
        builder.Services.AddOpenApi();

        builder.Services.AddSingleton(TimeProvider.System);
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
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseAuthentication();
        app.UseAuthorization();

        var api = app.MapGroup("/api/populations").RequireAuthorization(PlatformPolicies.Staff);
        api.MapPopulationsEndpoints();
        api.MapResponsibilitiesEndpoints();
        api.MapAreasEndpoints();
        api.MapAnalysisEndpoints();
        api.MapRegionsEndpoints();
        api.MapEventsEndpoints();
        app.MapOpenApi("/api/populations/openapi/{documentName}.json").RequireAuthorization(PlatformPolicies.Staff);

        app.MapGrpcService<ProviderPopulationsService>();
        app.MapPlatformGrpc();
        return app;
    }
}
