using Platform.LocalInfrastructure;

namespace Platform.Referrals.Benchmarks;

/// <summary>The referrals service and the gateway in front of it, configured as the local run configures them.</summary>
internal static class PlatformProcesses
{
    public static ServiceServer Referrals(string root, BenchDatabase database, RabbitMqServer broker, IdentityProviderServer identity) =>
        new("referrals", "Platform.Referrals", root, "/health", () => new Dictionary<string, string>
        {
            ["ConnectionStrings__referralsdb"] = database.Settings.OwnerConnectionString,
            ["ConnectionStrings__messaging"] = ServiceServer.Text(broker.AmqpUri),
            ["Identity__Authority"] = ServiceServer.Text(identity.Issuer),
            ["Referrals__SeedDemoReferrals"] = "false",
            ["Referrals__Signals__WaitingNormDays"] = IntakeCounts.WaitingNormDays.ToString(System.Globalization.CultureInfo.InvariantCulture),

            // The detector would otherwise compute GM0484's signals every 30 s during the intake; part 2 measures it.
            ["Referrals__Signals__Interval"] = "01:00:00",
        });

    public static ServiceServer Gateway(string root, IdentityProviderServer identity, ServiceServer referrals) =>
        new("gateway", "Platform.Gateway", root, "/alive", () => new Dictionary<string, string>
        {
            ["Identity__Authority"] = ServiceServer.Text(identity.Issuer),
            ["services__referrals__grpc__0"] = ServiceServer.Text(referrals.GrpcAddress),
            ["Gateway__GrpcServices__platform.provider.v1.ProviderReferrals"] = "referrals",

            // Far above what the benchmark sends, so the rate limiter does its work but never refuses.
            ["Gateway__RequestsPerMinute"] = "100000000",
            ["Gateway__TenantRequestsPerMinute"] = "100000000",
        });
}
