using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Platform.Hosting;

/// <summary>What every platform service gets from the AppHost, the same way the local launcher gives it.</summary>
internal static class PlatformProjectExtensions
{
    /// <summary>
    /// The HTTP endpoint (REST, <c>/health</c>, checked for health) and, for a service that serves gRPC, a second
    /// endpoint named <c>grpc</c> for its cleartext HTTP/2 listener. The services have no launch profiles, so the
    /// endpoints and the environment name (Development under <c>dotnet run</c>, as the launcher sets it) are given here.
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
        // HTTP/2 only when it reads it from Kestrel__Endpoints__grpc__Url (Platform.Hosting's GrpcListener).
        var grpc = project.WithHttpEndpoint(name: PlatformResources.GrpcEndpoint).GetEndpoint(PlatformResources.GrpcEndpoint);
        return project
            .WithEndpointsInEnvironment(endpoint => endpoint.Name != PlatformResources.GrpcEndpoint)
            .WithEnvironment(
                $"Kestrel__Endpoints__{PlatformResources.GrpcEndpoint}__Url",
                ReferenceExpression.Create($"http://localhost:{grpc.Property(EndpointProperty.TargetPort)}"));
    }

    /// <summary>
    /// Keycloak's address by reference (<c>services__keycloak__http__0</c>), and the realm and its issuer by name,
    /// because Keycloak is not a connection-string resource.
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithIdentity(this IResourceBuilder<ProjectResource> project, IResourceBuilder<KeycloakResource> keycloak) =>
        project
            .WithReference(keycloak).WaitFor(keycloak)
            .WithEnvironment("Identity__Realm", PlatformResources.Realm)
            .WithEnvironment(
                "Identity__Authority",
                ReferenceExpression.Create($"{keycloak.GetEndpoint("http")}/realms/{PlatformResources.Realm}"));
}
