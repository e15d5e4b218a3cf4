using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Platform.Resources;

namespace Platform.AppHost.Infrastructure;

/// <summary>PostgreSQL, RabbitMQ and Keycloak as containers, where Docker or Podman answers.</summary>
internal static class Containers
{
    private const string KeycloakImage = "quay.io/keycloak/keycloak";
    private const string KeycloakTag = "26.4";

    public static PlatformInfrastructure Add(IDistributedApplicationBuilder builder, string realmFile)
    {
        var postgres = builder.AddPostgres(PlatformResources.Postgres, password: builder.AddParameter("postgres-password", secret: true))
            .WithDataVolume();
        var databases = PlatformResources.Services
            .Where(service => service.Database is not null)
            .ToDictionary(
                service => service.Database!,
                service => (IResourceBuilder<IResourceWithConnectionString>)postgres.AddDatabase(service.Database!));

        var messaging = builder.AddRabbitMQ(PlatformResources.Messaging, password: builder.AddParameter("messaging-password", secret: true))
            .WithManagementPlugin()
            .WithDataVolume();

        // No data volume: Keycloak imports a realm only once, so a kept volume would hide every change to the realm
        // file. Without secrets set, the realm file's development defaults apply.
        var keycloak = builder.AddContainer(PlatformResources.Identity, KeycloakImage, KeycloakTag)
            .WithArgs("start-dev", "--import-realm", "--health-enabled=true")
            .WithHttpEndpoint(targetPort: 8080, name: "http")
            .WithHttpEndpoint(targetPort: 9000, name: "management")
            .WithHttpHealthCheck("/health/ready", endpointName: "management")
            .WithBindMount(realmFile, "/opt/keycloak/data/import/platform-realm.json", isReadOnly: true)
            .WithEnvironment("KC_BOOTSTRAP_ADMIN_USERNAME", "admin")
            .WithEnvironment("KC_BOOTSTRAP_ADMIN_PASSWORD", builder.AddParameter("keycloak-admin-password", secret: true));

        return new PlatformInfrastructure(
            databases,
            messaging,
            [postgres, messaging, keycloak],
            keycloak,
            ReferenceExpression.Create($"{keycloak.GetEndpoint("http")}"));
    }
}
