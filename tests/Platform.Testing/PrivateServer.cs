using Platform.LocalInfrastructure;

namespace Platform.Testing;

/// <summary>A server one test owns; disposing it stops the server and deletes its folder.</summary>
public class PrivateServer<TServer>(TServer server, string directory) : IAsyncDisposable
    where TServer : ILocalServer
{
    public TServer Server { get; } = server;

    public string Directory { get; } = directory;

    public Task<StartOutcome> StartAsync(CancellationToken cancellationToken = default) => Server.StartAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken = default) => Server.StopAsync(cancellationToken);

    public Task<bool> IsReadyAsync(CancellationToken cancellationToken = default) => Server.IsReadyAsync(cancellationToken);

    internal async Task StartOrDisposeAsync(CancellationToken cancellationToken)
    {
        try
        {
            await StartAsync(cancellationToken);
        }
        catch
        {
            await DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Server.StopAsync();
        if (System.IO.Directory.Exists(Directory))
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        GC.SuppressFinalize(this);
    }
}

public sealed class PrivatePostgres(PostgresServer server, string directory) : PrivateServer<PostgresServer>(server, directory)
{
    public int Port => Server.Port;

    public string OwnerConnectionString(string database = "postgres") => Server.OwnerConnectionString(database);
}

public sealed class PrivateRabbitMq(RabbitMqServer server, string directory) : PrivateServer<RabbitMqServer>(server, directory)
{
    public int AmqpPort => Server.AmqpPort;

    public Uri AmqpUri => Server.AmqpUri;
}
