using System.Net.Http.Headers;
using Grpc.Core;
using Platform.Resources;
using Xunit;

namespace Platform.Testing;

/// <summary>
/// One platform service in its own process, shared by the tests of a class: its own database and RabbitMQ virtual
/// host on the shared servers, configured only by the keys the AppHost gives it (named by its entry in
/// <see cref="PlatformResources"/>), reached with real tokens of the realm's demo users and provider clients.
/// A service's fixture is its resource and the settings that are its own:
/// <code>
/// public sealed class BudgetsFixture() : PlatformServiceFixture(PlatformResources.Budgets, new() { ["Budgets__SeedDemo"] = "false" });
/// </code>
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001:Types that own disposable fields should be disposable",
    Justification = "xunit disposes a class fixture through IAsyncLifetime.DisposeAsync, which stops the service.")]
public abstract class PlatformServiceFixture(PlatformService resource, Dictionary<string, string>? settings = null) : IAsyncLifetime
{
    private readonly Dictionary<string, string> _tokens = [];
    private ServiceProcess? _service;

    public PlatformService Resource => resource;

    public string DatabaseConnectionString { get; private set; } = null!;

    public Uri Broker { get; private set; } = null!;

    public Uri Issuer { get; private set; } = null!;

    public TokenClient Tokens { get; private set; } = null!;

    public ServiceProcess Service => _service!;

    public Uri BaseAddress => _service!.BaseAddress;

    public Uri GrpcAddress => _service!.GrpcAddress;

    public virtual async Task InitializeAsync()
    {
        var infrastructure = await SharedInfrastructure.GetAsync();
        Issuer = (await SharedInfrastructure.GetIdentityProviderAsync()).Issuer;
        Tokens = new TokenClient(Issuer);
        var environment = new Dictionary<string, string>(settings ?? []) { ["Identity__Authority"] = ServiceProcess.Text(Issuer) };
        if (resource.Database is { } database)
        {
            DatabaseConnectionString = await infrastructure.CreateDatabaseAsync(resource.Name);
            environment[$"ConnectionStrings__{database}"] = DatabaseConnectionString;
        }

        if (resource.UsesMessaging)
        {
            Broker = await infrastructure.CreateVirtualHostAsync(resource.Name);
            environment[$"ConnectionStrings__{PlatformResources.Messaging}"] = ServiceProcess.Text(Broker);
        }

        _service = new ServiceProcess(resource.Name, Path.GetFileNameWithoutExtension(resource.Project), () => environment, servesGrpc: resource.ServesGrpc);
        await _service.StartAsync();
    }

    /// <summary>A client of the service's REST API acting as a demo user (password <c>demo</c>).</summary>
    public async Task<HttpClient> ClientForAsync(string username)
    {
        if (!_tokens.TryGetValue(username, out var token))
        {
            token = await Tokens.PasswordTokenAsync(username);
            _tokens[username] = token;
        }

        return Client(token);
    }

    public HttpClient Client(string? accessToken)
    {
        var client = new HttpClient { BaseAddress = BaseAddress };
        if (accessToken is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        }

        return client;
    }

    /// <summary>A provider system's machine token, e.g. for <c>provider-tom-in-de-buurt</c>.</summary>
    public Task<string> ProviderTokenAsync(string clientId) => Tokens.ClientCredentialsTokenAsync(clientId);

    /// <summary>gRPC calls on the service's h2c listener as a provider system: <c>new X.XClient(await ProviderCallsAsync(...))</c>.</summary>
    public async Task<CallInvoker> ProviderCallsAsync(string clientId) =>
        GrpcTestClients.Invoker(GrpcAddress, await ProviderTokenAsync(clientId));

    /// <summary>gRPC calls with a staff member's token, or none: for the refusals.</summary>
    public async Task<CallInvoker> StaffCallsAsync(string? username) =>
        GrpcTestClients.Invoker(GrpcAddress, username is null ? null : await Tokens.PasswordTokenAsync(username));

    /// <summary>Runs SQL as the database owner, past row-level security: for setting up and inspecting what the API cannot show.</summary>
    public Task<T?> AsOwnerAsync<T>(string sql, params object?[] parameters) =>
        OwnerSql.ScalarAsync<T>(DatabaseConnectionString, sql, parameters);

    public virtual async Task DisposeAsync()
    {
        if (_service is not null)
        {
            await _service.DisposeAsync();
        }
    }
}
