using Platform.Hosting;
using Platform.Provider.Contracts.Identity;
using Platform.Referrals.Api;
using Platform.Referrals.Demo;
using Platform.Referrals.Grpc;
using Platform.Referrals.Intake;
using Platform.Referrals.Signals;
using Platform.Resources;
using Platform.Security;

namespace Platform.Referrals;

internal static class Extensions
{
    /// <summary>This service's entry in the platform's resource list: its name, database, broker and gRPC endpoint.</summary>
    public static PlatformService Resource => PlatformResources.Referrals;

    public static IHostApplicationBuilder AddReferralsServices(this IHostApplicationBuilder builder)
    {
        builder.AddPlatformService<ReferralIntake>(Resource);
        builder.Services.Configure<Microsoft.AspNetCore.Authorization.AuthorizationOptions>(ReferralsPolicies.Add);
        builder.AddProviderIdentity();

        builder.Services.Configure<ReferralsOptions>(builder.Configuration.GetSection("Referrals"));
        builder.Services.AddSingleton<ReferralIntake>();
        builder.Services.AddSingleton<SignalComputation>();
        builder.Services.AddSingleton<SignalDetection>();
        builder.Services.AddHostedService<SignalDetectionService>();
        builder.AddDemoReferrals();
        return builder;
    }

    public static WebApplication MapReferralsApi(this WebApplication app)
    {
        var api = app.MapPlatformService(Resource);
        api.MapFiguresEndpoints();
        api.MapSignalsEndpoints();
        api.MapRegionEndpoints();

        app.MapGrpcService<ProviderReferralsService>();
        app.MapPlatformGrpc();
        return app;
    }
}
