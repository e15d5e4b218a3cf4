using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Platform.LocalInfrastructure;
using Platform.Resources;

namespace Platform.AppHost.Infrastructure;

/// <summary>
/// PostgreSQL and RabbitMQ from Debian packages and the local identity provider (Node), run by the AppHost as
/// executable resources. Each is installed and initialised just before it starts (the dashboard shows it
/// starting meanwhile), keeps its data and ports under the data folder across runs, and is healthy when it
/// answers as its clients need it to.
/// </summary>
internal static class LocalExecutables
{
    public static PlatformInfrastructure Add(IDistributedApplicationBuilder builder, string repositoryRoot, string dataDirectory, string realmFile)
    {
        var postgresServer = new PostgresServer(dataDirectory);
        var brokerServer = new RabbitMqServer(dataDirectory, managementPlugin: true);
        var identityServer = new IdentityProviderServer(dataDirectory, repositoryRoot, realmFile);

        // Trust authentication on loopback: the password is there for the connection string's form, not checked.
        var postgresAddress = $"Host=127.0.0.1;Port={postgresServer.Port};Username={PostgresServer.Superuser};Password={PostgresServer.Superuser}";
        var postgres = builder.AddServer(postgresServer, command => new LocalServerResource(PlatformResources.Postgres, command.FileName, command.WorkingDirectory, postgresAddress))
            .WithEndpoint(name: "tcp", port: postgresServer.Port, targetPort: postgresServer.Port, scheme: "tcp", isProxied: false);

        var amqpAddress = brokerServer.AmqpUri.ToString().TrimEnd('/');
        var messaging = builder.AddServer(brokerServer, command => new LocalServerResource(PlatformResources.Messaging, command.FileName, command.WorkingDirectory, amqpAddress))
            .WithEndpoint(name: "tcp", port: brokerServer.AmqpPort, targetPort: brokerServer.AmqpPort, scheme: "tcp", isProxied: false)
            .WithHttpEndpoint(name: "management", port: brokerServer.ManagementUrl!.Port, targetPort: brokerServer.ManagementUrl.Port, isProxied: false);

        var identity = builder.AddServer(identityServer, command => new ExecutableResource(PlatformResources.Identity, command.FileName, command.WorkingDirectory))
            .WithHttpEndpoint(name: "http", port: identityServer.Port, targetPort: identityServer.Port, isProxied: false);

        // The services create their own databases at start (Platform.Persistence's bootstrap), as the owner.
        var databases = PlatformResources.Services
            .Where(service => service.Database is not null)
            .ToDictionary(
                service => service.Database!,
                service => (IResourceBuilder<IResourceWithConnectionString>)builder.AddConnectionString(
                    service.Database!, ReferenceExpression.Create($"{postgresAddress};Database={service.Database}")));

        return new PlatformInfrastructure(
            databases,
            messaging,
            [postgres, messaging, identity],
            identity,
            ReferenceExpression.Create($"{identityServer.BaseAddress.ToString().TrimEnd('/')}"));
    }

    private static IResourceBuilder<T> AddServer<T>(
        this IDistributedApplicationBuilder builder, ProcessServer server, Func<ForegroundCommand, T> create)
        where T : ExecutableResource
    {
        var command = server.ForegroundCommand();
        var resource = builder.AddResource(create(command));
        var name = resource.Resource.Name;
        resource.WithArgs([.. command.Arguments]);
        foreach (var (variable, value) in command.Environment)
        {
            resource.WithEnvironment(variable, value);
        }

        var check = $"{name}-answers";
        builder.Services.AddHealthChecks().AddAsyncCheck(check, async cancellationToken =>
            await server.IsReadyAsync(cancellationToken) ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy());
        return resource
            .WithHealthCheck(check)
            .OnBeforeResourceStarted((_, _, cancellationToken) => server.PrepareForLaunchAsync(cancellationToken));
    }
}
