using Platform.LocalInfrastructure;

namespace Platform.Testing;

/// <summary>
/// Servers a single test owns, for tests that stop, restart or break a server. Each has its own
/// folder under <c>.local/test/private/</c> and its own free ports.
/// </summary>
public static class PrivateServers
{
    public static async Task<PrivatePostgres> StartPostgresAsync(CancellationToken cancellationToken = default)
    {
        var directory = NewDirectory();
        var postgres = new PrivatePostgres(new PostgresServer(directory), directory);
        await postgres.StartOrDisposeAsync(cancellationToken);
        return postgres;
    }

    public static async Task<PrivateRabbitMq> StartRabbitMqAsync(CancellationToken cancellationToken = default)
    {
        var directory = NewDirectory();
        var rabbitMq = new PrivateRabbitMq(new RabbitMqServer(directory), directory);
        await rabbitMq.StartOrDisposeAsync(cancellationToken);
        return rabbitMq;
    }

    /// <summary>
    /// An identity provider of one's own, for a test that stops it or needs the realm's placeholders set:
    /// a gateway on its own port passes <paramref name="gatewayUrl"/> (e.g. <c>http://127.0.0.1:5123</c>), which
    /// becomes <c>PLATFORM_GATEWAY_URL</c> and so the <c>platform-gateway</c> client's redirect and post-logout URIs
    /// (<c>&lt;gatewayUrl&gt;/auth/callback</c>, <c>&lt;gatewayUrl&gt;/</c>). The shared one accepts only port 8080.
    /// </summary>
    public static Task<PrivateServer<IdentityProviderServer>> StartIdentityProviderAsync(
        Uri? gatewayUrl = null, IReadOnlyDictionary<string, string>? realmVariables = null, CancellationToken cancellationToken = default)
    {
        var variables = new Dictionary<string, string>(realmVariables ?? new Dictionary<string, string>());
        if (gatewayUrl is not null)
        {
            variables["PLATFORM_GATEWAY_URL"] = gatewayUrl.GetLeftPart(UriPartial.Authority);
        }
        return StartAsync(directory => new IdentityProviderServer(directory, realmVariables: variables), cancellationToken);
    }

    /// <summary>Starts the server <paramref name="create"/> builds for a new private folder.</summary>
    public static async Task<PrivateServer<TServer>> StartAsync<TServer>(
        Func<string, TServer> create, CancellationToken cancellationToken = default)
        where TServer : ILocalServer
    {
        var directory = NewDirectory();
        var server = new PrivateServer<TServer>(create(directory), directory);
        await server.StartOrDisposeAsync(cancellationToken);
        return server;
    }

    /// <summary>A new folder for a private server.</summary>
    public static string NewDirectory() =>
        Path.Combine(LocalLayout.PrivateTestDirectory(RepositoryRoot.Find()), Guid.NewGuid().ToString("N"));
}
