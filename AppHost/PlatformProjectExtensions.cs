using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Platform.AppHost.Infrastructure;
using Platform.Resources;

namespace Platform.AppHost;

/// <summary>What every platform service gets from the AppHost.</summary>
internal static class PlatformProjectExtensions
{
    /// <summary>
    /// The HTTP endpoint (REST, <c>/health</c>, checked for health) and, for a service that serves gRPC, a second
    /// endpoint named <c>grpc</c> for its cleartext HTTP/2 listener. The services have no launch profiles, so the
    /// endpoints and the environment name are given here.
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithPlatformDefaults(this IResourceBuilder<ProjectResource> project, PlatformService service)
    {
        project
            .WithEnvironment("ASPNETCORE_ENVIRONMENT", project.ApplicationBuilder.Environment.EnvironmentName)
            .WithHttpEndpoint(name: "http")
            .WithHttpHealthCheck("/health");
        if (!service.ServesGrpc)
        {
            return project;
        }

        // Left in ASPNETCORE_URLS, the gRPC port would be bound as an HTTP/1.1 listener; the service binds it as
        // HTTP/2 only when it reads it from Kestrel__Endpoints__grpc__Url.
        var grpc = project.WithHttpEndpoint(name: PlatformResources.GrpcEndpoint).GetEndpoint(PlatformResources.GrpcEndpoint);
        return project
            .WithEndpointsInEnvironment(endpoint => endpoint.Name != PlatformResources.GrpcEndpoint)
            .WithEnvironment(
                $"Kestrel__Endpoints__{PlatformResources.GrpcEndpoint}__Url",
                ReferenceExpression.Create($"http://localhost:{grpc.Property(EndpointProperty.TargetPort)}"));
    }

    /// <summary>Its database and the broker, as the service's <see cref="PlatformService"/> says, waiting for the servers.</summary>
    public static IResourceBuilder<ProjectResource> WithInfrastructure(
        this IResourceBuilder<ProjectResource> project, PlatformService service, PlatformInfrastructure infrastructure)
    {
        if (service.Database is { } database)
        {
            project.WithReference(infrastructure.Databases[database]);
        }
        if (service.UsesMessaging)
        {
            project.WithReference(infrastructure.Messaging);
        }
        foreach (var server in infrastructure.Servers)
        {
            project.WaitFor(server);
        }

        // Keycloak is not a connection-string resource: its address by the service-discovery key, the realm and
        // issuer by name.
        return project
            .WithEnvironment($"services__{PlatformResources.Identity}__http__0", infrastructure.IdentityUrl)
            .WithEnvironment("Identity__Realm", PlatformResources.Realm)
            .WithEnvironment("Identity__Authority", ReferenceExpression.Create($"{infrastructure.IdentityUrl}/realms/{PlatformResources.Realm}"));
    }
}
