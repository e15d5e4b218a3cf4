using Npgsql;
using Platform.LocalInfrastructure;
using Platform.Testing;

namespace Platform.Gateway.Tests;

/// <summary>
/// One real identity provider, one real service behind one real gateway, shared by the tests of a
/// class. Each municipality of the demo region has one case, written as the owner so that only
/// row-level security stands between a caller and another tenant's row.
/// </summary>
public sealed class GatewayFixture : IAsyncLifetime
{
    private CasesService? _service;
    private GatewayProcess? _gateway;
    private PrivateServer<IdentityProviderServer>? _identityProvider;

    public Uri Issuer { get; private set; } = null!;

    public TokenClient Tokens { get; private set; } = null!;

    public IdentityProviderServer IdentityProvider => _identityProvider!.Server;

    public Uri Gateway => _gateway!.BaseAddress;

    public Uri GatewayGrpc => _gateway!.GrpcAddress;

    public Uri Service => _service!.BaseAddress;

    public int ServiceRequests => _service!.ApiRequests;

    public IReadOnlyDictionary<string, Guid> CaseOf { get; } = new Dictionary<string, Guid>
    {
        ["GM0484"] = Guid.NewGuid(),
        ["GM1884"] = Guid.NewGuid(),
        ["GM0569"] = Guid.NewGuid(),
    };

    public async Task InitializeAsync()
    {
        var infrastructure = await SharedInfrastructure.GetAsync();

        // A private identity provider that knows this gateway's login callback as a redirect URI.
        _gateway = GatewayProcess.Prepare();
        _identityProvider = await PrivateServers.StartIdentityProviderAsync(_gateway.BaseAddress);
        Issuer = IdentityProvider.Issuer;
        Tokens = new TokenClient(Issuer);
        var database = infrastructure.PostgresOwnerConnectionString(infrastructure.NewDatabaseName("gateway"));
        _service = await CasesService.StartAsync(database, Issuer);
        await SeedAsync(database);
        await _gateway.StartAsync(Issuer, Service);
    }

    public HttpClient GatewayClient(string? accessToken = null)
    {
        var client = new HttpClient { BaseAddress = Gateway };
        if (accessToken is not null)
        {
            client.DefaultRequestHeaders.Authorization = new("Bearer", accessToken);
        }

        return client;
    }

    public async Task DisposeAsync()
    {
        if (_gateway is not null)
        {
            await _gateway.DisposeAsync();
        }

        if (_service is not null)
        {
            await _service.DisposeAsync();
        }

        if (_identityProvider is not null)
        {
            await _identityProvider.DisposeAsync();
        }
    }

    private async Task SeedAsync(string database)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        foreach (var (municipality, id) in CaseOf)
        {
            await using var insert = new NpgsqlCommand(
                "INSERT INTO cases (id, municipality, region, title) VALUES ($1, $2, 'holland-rijnland', $3)", connection);
            insert.Parameters.AddWithValue(id);
            insert.Parameters.AddWithValue(municipality);
            insert.Parameters.AddWithValue($"case of {municipality}");
            await insert.ExecuteNonQueryAsync();
        }
    }
}
