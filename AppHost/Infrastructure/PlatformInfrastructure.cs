using Aspire.Hosting.ApplicationModel;

namespace Platform.AppHost.Infrastructure;

/// <summary>
/// What the services are given, the same in either mode: a connection string per database and for the broker,
/// and the identity provider's base address (<c>services__keycloak__http__0</c>).
/// </summary>
/// <param name="Databases">Per database name (<c>populationsdb</c>), its connection-string resource.</param>
/// <param name="Messaging">The broker: <c>amqp://user:pass@host:port</c>.</param>
/// <param name="Servers">What a service waits for before it starts.</param>
/// <param name="Identity">The identity provider resource; its <c>http</c> endpoint is its base address.</param>
/// <param name="IdentityUrl">The base address (issuer: <c>{IdentityUrl}/realms/platform</c>).</param>
internal sealed record PlatformInfrastructure(
    IReadOnlyDictionary<string, IResourceBuilder<IResourceWithConnectionString>> Databases,
    IResourceBuilder<IResourceWithConnectionString> Messaging,
    IReadOnlyList<IResourceBuilder<IResource>> Servers,
    IResourceBuilder<IResourceWithEnvironment> Identity,
    ReferenceExpression IdentityUrl);
