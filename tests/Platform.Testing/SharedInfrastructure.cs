using Npgsql;
using Platform.LocalInfrastructure;

namespace Platform.Testing;

/// <summary>
/// The PostgreSQL server, RabbitMQ broker and identity provider that every test of a test run shares, in
/// <c>.local/test/shared/</c>. The first test assembly to ask starts them; the others (in this
/// or in parallel processes) find them running and reuse them. <c>./test.sh</c> stops them at the end
/// (<c>Platform.Launcher down --test</c>).
/// Tests isolate themselves by their own database (<see cref="CreateDatabaseAsync"/>) and their own
/// queue or exchange names, never by stopping a shared server: that is what <see cref="PrivateServers"/> is for.
/// </summary>
public sealed class SharedInfrastructure
{
    private static readonly Lazy<Task<SharedInfrastructure>> s_shared = new(StartAsync);
    private static readonly Lazy<Task<IdentityProviderServer>> s_identityProvider = new(StartIdentityProviderAsync);

    private SharedInfrastructure(PostgresServer postgres, RabbitMqServer rabbitMq)
    {
        Postgres = postgres;
        RabbitMq = rabbitMq;
    }

    public PostgresServer Postgres { get; }

    public RabbitMqServer RabbitMq { get; }

    public Uri RabbitMqUri => RabbitMq.AmqpUri;

    /// <summary>The shared servers, started on first use.</summary>
    public static Task<SharedInfrastructure> GetAsync() => s_shared.Value;

    /// <summary>
    /// The shared local identity provider (the realm file served at Keycloak's paths), started on first use
    /// and apart from PostgreSQL and RabbitMQ, so tests that need no tokens do not wait for it.
    /// </summary>
    public static Task<IdentityProviderServer> GetIdentityProviderAsync() => s_identityProvider.Value;

    /// <summary>A <see cref="TokenClient"/> for the shared identity provider.</summary>
    public static async Task<TokenClient> GetTokenClientAsync() =>
        new((await GetIdentityProviderAsync()).Issuer);

    /// <summary>A connection string as the superuser <c>platform</c> (no password: trust on loopback).</summary>
    public string PostgresOwnerConnectionString(string database) => Postgres.OwnerConnectionString(database);

    /// <summary>A database name no other test uses: the prefix, lowercased, and a unique suffix; at most 63 characters.</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1822:Mark members as static",
        Justification = "Read beside the connection strings of the same instance.")]
    public string NewDatabaseName(string prefix) => UniqueNames.For(prefix);

    /// <summary>Creates a fresh, empty database and returns its owner connection string.</summary>
    public async Task<string> CreateDatabaseAsync(string prefix, CancellationToken cancellationToken = default)
    {
        var database = NewDatabaseName(prefix);
        await using var connection = new NpgsqlConnection(PostgresOwnerConnectionString("postgres"));
        await connection.OpenAsync(cancellationToken);
        await using var create = new NpgsqlCommand($"CREATE DATABASE \"{database}\"", connection);
        await create.ExecuteNonQueryAsync(cancellationToken);
        return PostgresOwnerConnectionString(database);
    }

    /// <summary>A fresh RabbitMQ virtual host on the shared broker: for tests whose events must reach only their own service.</summary>
    public Task<Uri> CreateVirtualHostAsync(string prefix, CancellationToken cancellationToken = default) =>
        RabbitMq.AddVirtualHostAsync(UniqueNames.For(prefix), cancellationToken);

    private static async Task<IdentityProviderServer> StartIdentityProviderAsync()
    {
        var root = RepositoryRoot.Find();
        var identity = new IdentityProviderServer(LocalLayout.SharedTestDirectory(root), root);
        await identity.StartAsync();
        return identity;
    }

    private static async Task<SharedInfrastructure> StartAsync()
    {
        var directory = LocalLayout.SharedTestDirectory(RepositoryRoot.Find());
        var shared = new SharedInfrastructure(new PostgresServer(directory), new RabbitMqServer(directory));
        await Task.WhenAll(shared.Postgres.StartAsync(), shared.RabbitMq.StartAsync());
        return shared;
    }
}
