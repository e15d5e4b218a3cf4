using System.Net.Http.Headers;
using Platform.Testing;

namespace Platform.Populations.Tests.Service;

/// <summary>
/// One populations service in its own process with its own database, shared by the tests of a class.
/// Tests reach it with real tokens of the realm's demo users and provider clients.
/// </summary>
public sealed class PopulationsFixture : IAsyncLifetime
{
    private ServiceProcess? _service;
    private readonly Dictionary<string, string> _tokens = [];

    public string DatabaseConnectionString { get; private set; } = null!;

    public TokenClient Tokens { get; private set; } = null!;

    public Uri BaseAddress => _service!.BaseAddress;

    public Uri GrpcAddress => _service!.GrpcAddress;

    public async Task InitializeAsync()
    {
        var infrastructure = await SharedInfrastructure.GetAsync();
        var identity = await SharedInfrastructure.GetIdentityProviderAsync();
        Tokens = new TokenClient(identity.Issuer);
        DatabaseConnectionString = await infrastructure.CreateDatabaseAsync("populations");
        _service = await PopulationsProcess.StartAsync(DatabaseConnectionString, infrastructure.RabbitMqUri, identity.Issuer);
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

    /// <summary>A client acting as a provider system's machine client.</summary>
    public async Task<string> ProviderTokenAsync(string clientId) => await Tokens.ClientCredentialsTokenAsync(clientId);

    public HttpClient Client(string? accessToken)
    {
        var client = new HttpClient { BaseAddress = BaseAddress };
        if (accessToken is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        }

        return client;
    }

    /// <summary>Runs SQL as the database owner, past row-level security: for setting up and inspecting what the API cannot show.</summary>
    public Task<T?> AsOwnerAsync<T>(string sql, params object?[] parameters) =>
        OwnerSql.ScalarAsync<T>(DatabaseConnectionString, sql, parameters);

    public async Task DisposeAsync()
    {
        if (_service is not null)
        {
            await _service.DisposeAsync();
        }
    }
}
