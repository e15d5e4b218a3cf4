using Platform.Hosting;
using Platform.Messaging;
using Platform.Persistence;
using Platform.Provider.Contracts.Identity;
using Platform.Referrals.Api;
using Platform.Referrals.Demo;
using Platform.Referrals.Events;
using Platform.Referrals.Grpc;
using Platform.Referrals.Intake;
using Platform.Referrals.Signals;
using Platform.Security;

namespace Platform.Referrals;

internal static class Extensions
{
    public const string ServiceName = "referrals";
    public const string DatabaseName = "referralsdb";

    public static IHostApplicationBuilder AddReferralsServices(this IHostApplicationBuilder builder)
    {
        builder.AddPlatformDatabase(DatabaseName, typeof(Extensions).Assembly);
        builder.AddPlatformMessaging(ServiceName, bus =>
        {
            bus.AddConsumer<PopulationDefinedConsumer>();
            bus.AddConsumer<PopulationChangedConsumer>();
            bus.AddConsumer<PopulationRetiredConsumer>();
            bus.AddConsumer<ResponsibilityAssignedConsumer>();
            bus.AddConsumer<CharacteristicsPublishedConsumer>();
            bus.AddConsumer<RegionDefinedConsumer>();
            bus.AddConsumer<PopulationsResentConsumer>();
        });
        builder.AddPlatformAuthentication();
        builder.Services.AddAuthorizationBuilder();
        builder.Services.Configure<Microsoft.AspNetCore.Authorization.AuthorizationOptions>(ReferralsPolicies.Add);
        builder.AddPlatformGrpc();
        builder.AddProviderIdentity();
        builder.Services.AddProblemDetails();
        builder.Services.AddOpenApi();

        builder.Services.Configure<ReferralsOptions>(builder.Configuration.GetSection("Referrals"));
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<ReferralIntake>();
        builder.Services.AddSingleton<SignalComputation>();
        builder.Services.AddSingleton<SignalDetection>();
        builder.Services.AddHostedService<SignalDetectionService>();
        builder.AddDemoReferrals();
        return builder;
    }

    public static WebApplication MapReferralsApi(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseAuthentication();
        app.UseAuthorization();

        var api = app.MapGroup("/api/referrals").RequireAuthorization(PlatformPolicies.Staff);
        api.MapFiguresEndpoints();
        api.MapSignalsEndpoints();
        api.MapRegionEndpoints();
        app.MapOpenApi("/api/referrals/openapi/{documentName}.json").RequireAuthorization(PlatformPolicies.Staff);

        app.MapGrpcService<ProviderReferralsService>();
        app.MapPlatformGrpc();
        return app;
    }
}
