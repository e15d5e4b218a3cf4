using Aspire.Hosting.ApplicationModel;

namespace Platform.AppHost.Infrastructure;

/// <summary>
/// A server run as a local program that, like Aspire's own PostgreSQL and RabbitMQ resources, is also its
/// connection string: referencing it gives a service <c>ConnectionStrings__&lt;name&gt;</c>.
/// </summary>
internal sealed class LocalServerResource(string name, string command, string workingDirectory, string connectionString)
    : ExecutableResource(name, command, workingDirectory), IResourceWithConnectionString
{
    public ReferenceExpression ConnectionStringExpression { get; } = ReferenceExpression.Create($"{connectionString}");
}
