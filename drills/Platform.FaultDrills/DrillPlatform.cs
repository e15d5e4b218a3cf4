using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Platform.LocalInfrastructure;
using Platform.Resources;
using Platform.Testing;

namespace Platform.FaultDrills;

/// <summary>
/// The part of the platform the drills break: PostgreSQL, RabbitMQ (with its management API) and the identity
/// provider as private servers, and the populations and referrals services as their own processes, configured as
/// the AppHost configures them and seeded with the demo region, so the provider Tom in de buurt can submit
/// referrals for Alphen and the referrals service learns every population the populations service defines.
/// </summary>
internal sealed class DrillPlatform : IAsyncDisposable
{
    private readonly List<IAsyncDisposable> _owned = [];

    private DrillPlatform(PrivatePostgres postgres, PrivateServer<RabbitMqServer> broker, PrivateServer<IdentityProviderServer> identity)
    {
        Postgres = postgres;
        Broker = broker;
        Identity = identity;
        Tokens = new TokenClient(identity.Server.Issuer);
        Populations = Service(PlatformResources.Populations, new() { ["Populations__SeedDemoRegion"] = "true" });
        Referrals = Service(PlatformResources.Referrals, new()
        {
            ["Referrals__SeedDemoReferrals"] = "false",
            // The detector's runs are not what the drills look at.
            ["Referrals__Signals__Interval"] = "01:00:00",
        });
    }

    public PrivatePostgres Postgres { get; }

    public PrivateServer<RabbitMqServer> Broker { get; }

    public PrivateServer<IdentityProviderServer> Identity { get; }

    public TokenClient Tokens { get; }

    public ServiceProcess Populations { get; }

    public ServiceProcess Referrals { get; }

    public string PopulationsDatabase => Postgres.OwnerConnectionString(PlatformResources.Populations.Database!);

    public string ReferralsDatabase => Postgres.OwnerConnectionString(PlatformResources.Referrals.Database!);

    public static async Task<DrillPlatform> StartAsync()
    {
        var postgres = PrivateServers.StartPostgresAsync();
        var broker = PrivateServers.StartAsync(directory => new RabbitMqServer(directory, managementPlugin: true));
        var identity = PrivateServers.StartIdentityProviderAsync();
        await Task.WhenAll(postgres, broker, identity);
        var platform = new DrillPlatform(await postgres, await broker, await identity);
        platform._owned.AddRange([await postgres, await broker, await identity]);

        // Referrals first: its queues must exist before populations publishes the demo region.
        await platform.Referrals.StartAsync();
        await platform.Populations.StartAsync();
        return platform;
    }

    /// <summary>A REST client of the populations service as Alphen's policy advisor.</summary>
    public async Task<HttpClient> AdvisorAsync()
    {
        var client = new HttpClient { BaseAddress = Populations.BaseAddress, Timeout = TimeSpan.FromSeconds(15) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await Tokens.PasswordTokenAsync("advisor.alphen"));
        return client;
    }

    public Task<long> ReferralsScalarAsync(string sql, params object?[] parameters) => CountAsync(ReferralsDatabase, sql, parameters);

    public Task<long> PopulationsScalarAsync(string sql, params object?[] parameters) => CountAsync(PopulationsDatabase, sql, parameters);

    /// <summary>The messages in each of the referrals service's queues, by name, from the management API.</summary>
    public async Task<Dictionary<string, long>> ReferralsQueuesAsync()
    {
        using var client = ManagementClient();
        var queues = await client.GetFromJsonAsync<JsonElement>("api/queues/%2F");
        return queues.EnumerateArray()
            .Where(queue => queue.GetProperty("name").GetString()!.StartsWith(PlatformResources.Referrals.Name, StringComparison.Ordinal))
            .ToDictionary(
                queue => queue.GetProperty("name").GetString()!,
                queue => queue.TryGetProperty("messages", out var messages) ? messages.GetInt64() : 0);
    }

    /// <summary>Puts a message straight into a queue through the default exchange, as a broken publisher would.</summary>
    public async Task PublishRawAsync(string queue, string body, string contentType)
    {
        using var client = ManagementClient();
        using var response = await client.PostAsJsonAsync("api/exchanges/%2F/amq.default/publish", new
        {
            properties = new Dictionary<string, object> { ["content_type"] = contentType, ["message_id"] = Guid.NewGuid().ToString() },
            routing_key = queue,
            payload = body,
            payload_encoding = "string",
        });
        response.EnsureSuccessStatusCode();
    }

    private HttpClient ManagementClient()
    {
        var broker = Broker.Server;
        var client = new HttpClient { BaseAddress = broker.ManagementUrl };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(
            "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(Uri.UnescapeDataString(broker.AmqpUri.UserInfo))));
        return client;
    }

    private ServiceProcess Service(PlatformService resource, Dictionary<string, string> settings)
    {
        var environment = new Dictionary<string, string>(settings)
        {
            ["Identity__Authority"] = ServiceProcess.Text(Identity.Server.Issuer),
            [$"ConnectionStrings__{resource.Database}"] = Postgres.OwnerConnectionString(resource.Database!),
            [$"ConnectionStrings__{PlatformResources.Messaging}"] = ServiceProcess.Text(Broker.Server.AmqpUri),
            // The drills read counts, not logs: only warnings and errors go to the service's log file.
            ["Logging__LogLevel__Default"] = "Warning",
        };
        var service = new ServiceProcess(resource.Name, Path.GetFileNameWithoutExtension(resource.Project), () => environment);
        _owned.Insert(0, service);
        return service;
    }

    private static async Task<long> CountAsync(string connectionString, string sql, object?[] parameters) =>
        Convert.ToInt64(await OwnerSql.ScalarAsync<object>(connectionString, sql, parameters) ?? 0L, System.Globalization.CultureInfo.InvariantCulture);

    public async ValueTask DisposeAsync()
    {
        foreach (var owned in _owned)
        {
            await owned.DisposeAsync();
        }
    }
}
