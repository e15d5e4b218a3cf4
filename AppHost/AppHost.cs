using Aspire.Hosting;
using Microsoft.Extensions.Hosting;
using Platform.AppHost;
using Platform.AppHost.Infrastructure;
using Platform.AppHost.Operations;
using Platform.LocalInfrastructure;
using Platform.LocalInfrastructure.Identity;
using Platform.Resources;

// The platform under .NET Aspire, with the resource names of Platform.Resources. PostgreSQL, RabbitMQ and the
// identity provider run as containers where Docker or Podman answers, and as local programs elsewhere; a service
// gets the same configuration keys either way.
var builder = DistributedApplication.CreateBuilder(args);

var repositoryRoot = RepositoryRoot.Find();
// Tests give their own folder, so they never share servers (or ports) with a running ./run.sh.
var dataDirectory = Path.GetFullPath(builder.Configuration["Infrastructure:DataDirectory"] ?? LocalLayout.RunDirectory(repositoryRoot));
var mode = InfrastructureMode.Choose(builder.Configuration);
// The demo users and plain HTTP belong to development; any other run imports a production realm without them.
var realmFile = RealmFiles.ForEnvironment(
    builder.Environment.IsDevelopment(), Path.Combine(repositoryRoot, PlatformResources.RealmFile), dataDirectory);
var infrastructure = mode == InfrastructureMode.Containers
    ? Containers.Add(builder, realmFile)
    : LocalExecutables.Add(builder, repositoryRoot, dataDirectory, realmFile);

// Budgets starts first: it consumes the populations, contracts and outcomes services' events, so its queues must
// exist before any of them publishes.
var budgets = builder.AddProject<Projects.Platform_Budgets>(PlatformResources.Budgets.Name)
    .WithPlatformDefaults(PlatformResources.Budgets)
    .WithInfrastructure(PlatformResources.Budgets, infrastructure)
    .WithReplayFailedMessagesCommand(infrastructure.Messaging);

// Outcomes consumes the contracts service's events, so its queues come before contracts publishes.
var outcomes = builder.AddProject<Projects.Platform_Outcomes>(PlatformResources.Outcomes.Name)
    .WithPlatformDefaults(PlatformResources.Outcomes)
    .WithInfrastructure(PlatformResources.Outcomes, infrastructure)
    .WaitFor(budgets)
    .WithReplayFailedMessagesCommand(infrastructure.Messaging);

var referrals = builder.AddProject<Projects.Platform_Referrals>(PlatformResources.Referrals.Name)
    .WithPlatformDefaults(PlatformResources.Referrals)
    .WithInfrastructure(PlatformResources.Referrals, infrastructure)
    .WaitFor(outcomes)
    .WithReplayFailedMessagesCommand(infrastructure.Messaging);

// Consumes the populations' events for its contracts' scope, so its queues exist before populations publishes;
// budgets, outcomes and referrals consume its contract events, so it starts after them.
var contracts = builder.AddProject<Projects.Platform_Contracts>(PlatformResources.Contracts.Name)
    .WithPlatformDefaults(PlatformResources.Contracts)
    .WithInfrastructure(PlatformResources.Contracts, infrastructure)
    .WaitFor(referrals)
    .WithReplayFailedMessagesCommand(infrastructure.Messaging);

// Waits for referrals, whose queues must exist before populations publishes its first (demo) events: RabbitMQ
// drops an event that no queue is bound for yet.
var populations = builder.AddProject<Projects.Platform_Populations>(PlatformResources.Populations.Name)
    .WithPlatformDefaults(PlatformResources.Populations)
    .WithInfrastructure(PlatformResources.Populations, infrastructure)
    .WaitFor(referrals)
    .WaitFor(contracts)
    .WithResendStateCommand(infrastructure.IdentityUrl)
    .WithReplayFailedMessagesCommand(infrastructure.Messaging);

// The staff portal: the gateway serves it at "/" and hands it the signed-in user's token; the portal calls the
// services back through the gateway, so it needs the gateway's address but does not wait for it.
var portal = builder.AddProject<Projects.Platform_Portal>(PlatformResources.Portal.Name)
    .WithPlatformDefaults(PlatformResources.Portal)
    .WithInfrastructure(PlatformResources.Portal, infrastructure);

var gatewayClientSecret = builder.Configuration["Parameters:gateway-client-secret"];
var gateway = builder.AddProject<Projects.Platform_Gateway>(PlatformResources.Gateway.Name)
    .WithPlatformDefaults(PlatformResources.Gateway)
    .WithInfrastructure(PlatformResources.Gateway, infrastructure)
    .WithExternalHttpEndpoints()
    .WithReference(populations).WaitFor(populations)
    .WithReference(referrals).WaitFor(referrals)
    .WithReference(contracts).WaitFor(contracts)
    .WithReference(budgets).WaitFor(budgets)
    .WithReference(outcomes).WaitFor(outcomes)
    .WithReference(portal).WaitFor(portal);
portal.WithEnvironment("Portal__GatewayUrl", gateway.GetEndpoint("http"));

// The realm's redirect URIs are the gateway's address, which only the AppHost knows; the gateway builds its login
// callback from the same address. A configured client secret replaces the realm file's development default on both sides.
infrastructure.Identity.WithEnvironment("PLATFORM_GATEWAY_URL", gateway.GetEndpoint("http"));
gateway.WithEnvironment("Gateway__PublicBaseUrl", gateway.GetEndpoint("http"));
if (gatewayClientSecret is { Length: > 0 })
{
    infrastructure.Identity.WithEnvironment("PLATFORM_GATEWAY_CLIENT_SECRET", gatewayClientSecret);
    gateway.WithEnvironment("Gateway__ClientSecret", gatewayClientSecret);
}

// The gateway starts last, after everything it waits for is healthy: its readiness is the platform's.
gateway.OnResourceReady(async (_, _, cancellationToken) =>
{
    var summary = await RunSummary.CreateAsync(
        builder.Configuration, mode, gateway.GetEndpoint("http"), gateway.GetEndpoint(PlatformResources.GrpcEndpoint),
        infrastructure.IdentityUrl, realmFile, cancellationToken);
    var file = Path.Combine(dataDirectory, "platform.json");
    summary.Write(file);
    summary.Print(Path.GetRelativePath(Environment.CurrentDirectory, file));
});

builder.Build().Run();
