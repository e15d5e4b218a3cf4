using Platform.Hosting;
using Platform.Outcomes.Api;
using Platform.Outcomes.Demo;
using Platform.Outcomes.Evaluation;
using Platform.Outcomes.Grpc;
using Platform.Outcomes.Intake;
using Platform.Resources;

namespace Platform.Outcomes;

internal static class Extensions
{
    /// <summary>This service's entry in the platform's resource list: its name, database, broker and gRPC endpoint.</summary>
    public static PlatformService Resource => PlatformResources.Outcomes;

    public static IHostApplicationBuilder AddOutcomesServices(this IHostApplicationBuilder builder)
    {
        builder.AddPlatformService<MeasurementIntake>(Resource);
        builder.Services.Configure<Microsoft.AspNetCore.Authorization.AuthorizationOptions>(OutcomesPolicies.Add);
        builder.Services.Configure<OutcomesOptions>(builder.Configuration.GetSection("Outcomes"));
        builder.Services.AddSingleton<MeasurementIntake>();
        builder.Services.AddSingleton<KpiEvaluation>();
        builder.Services.AddHostedService<KpiEvaluationService>();
        if (builder.Configuration.GetValue<bool>("Outcomes:SeedDemo"))
        {
            builder.Services.AddHostedService<DemoMeasurementsSeeder>();
        }
        return builder;
    }

    public static WebApplication MapOutcomesApi(this WebApplication app)
    {
        var api = app.MapPlatformService(Resource);
        api.MapIndicatorEndpoints();
        api.MapResultsEndpoints();
        api.MapEvaluationsEndpoints();
        app.MapGrpcService<ProviderOutcomesService>();
        app.MapPlatformGrpc();
        return app;
    }
}
