using Aspire.Hosting;
using Platform.Hosting;

// The platform under .NET Aspire, with the resource names of PlatformResources.cs, which the local launcher
// (./run.sh) starts the same way: a service cannot tell which of the two started it.
var builder = DistributedApplication.CreateBuilder(args);

// Secrets come from configuration (user secrets: Parameters:<name>); the dashboard asks for any that are missing.
var postgresPassword = builder.AddParameter("postgres-password", secret: true);
var messagingPassword = builder.AddParameter("messaging-password", secret: true);
var gatewayClientSecret = builder.AddParameter("gateway-client-secret", secret: true);

var postgres = builder.AddPostgres(PlatformResources.Postgres, password: postgresPassword)
    .WithDataVolume();
var populationsDb = postgres.AddDatabase(PlatformResources.Populations.Database!);
var referralsDb = postgres.AddDatabase(PlatformResources.Referrals.Database!);

var messaging = builder.AddRabbitMQ(PlatformResources.Messaging, password: messagingPassword)
    .WithManagementPlugin()
    .WithDataVolume();

// No data volume: Keycloak imports a realm only once, so a kept volume would hide every change to the realm file.
// Each client secret replaces the development default the realm file falls back to.
var keycloak = builder.AddKeycloak(PlatformResources.Identity)
    .WithRealmImport(Path.Combine("..", PlatformResources.RealmFile))
    .WithEnvironment("PLATFORM_GATEWAY_CLIENT_SECRET", gatewayClientSecret)
    .WithEnvironment("PROVIDER_TOM_IN_DE_BUURT_CLIENT_SECRET", builder.AddParameter("provider-tom-in-de-buurt-client-secret", secret: true))
    .WithEnvironment("PROVIDER_RIJNLAND_JEUGD_CLIENT_SECRET", builder.AddParameter("provider-rijnland-jeugd-client-secret", secret: true))
    .WithEnvironment("PROVIDER_NIEUWKOOP_SAMEN_CLIENT_SECRET", builder.AddParameter("provider-nieuwkoop-samen-client-secret", secret: true));

var referrals = builder.AddProject<Projects.Platform_Referrals>(PlatformResources.Referrals.Name)
    .WithPlatformDefaults(PlatformResources.Referrals)
    .WithIdentity(keycloak)
    .WithReference(referralsDb).WaitFor(referralsDb)
    .WithReference(messaging).WaitFor(messaging);

// Waits for referrals, whose queues must exist before populations publishes its first (demo) events: RabbitMQ
// drops an event that no queue is bound for yet.
var populations = builder.AddProject<Projects.Platform_Populations>(PlatformResources.Populations.Name)
    .WithPlatformDefaults(PlatformResources.Populations)
    .WithIdentity(keycloak)
    .WithReference(populationsDb).WaitFor(populationsDb)
    .WithReference(messaging).WaitFor(messaging)
    .WaitFor(referrals);

var gateway = builder.AddProject<Projects.Platform_Gateway>(PlatformResources.Gateway.Name)
    .WithPlatformDefaults(PlatformResources.Gateway)
    .WithExternalHttpEndpoints()
    .WithIdentity(keycloak)
    .WithEnvironment("Gateway__ClientSecret", gatewayClientSecret)
    .WithReference(populations).WaitFor(populations)
    .WithReference(referrals).WaitFor(referrals);

// The realm's redirect URIs are the gateway's address, which only the AppHost knows.
keycloak.WithEnvironment("PLATFORM_GATEWAY_URL", gateway.GetEndpoint("http"));

builder.Build().Run();
