using System.Globalization;
using Platform.LocalInfrastructure;
using Platform.Testing;

namespace Platform.Gateway.Tests;

/// <summary>
/// A gateway that caches validated tokens, with an identity provider of its own whose signing key the tests
/// rotate, a clock skew of one second (so an expired token is refused a second after its expiry, not thirty)
/// and room for <see cref="CacheSize"/> tokens.
/// </summary>
public sealed class CachedTokenFixture : IAsyncLifetime
{
    public const int CacheSize = 8;

    public static readonly TimeSpan ClockSkew = TimeSpan.FromSeconds(1);

    private PrivateServer<IdentityProviderServer>? _identityProvider;
    private CasesService? _service;
    private GatewayProcess? _gateway;

    public IdentityProviderServer IdentityProvider => _identityProvider!.Server;

    public int ServiceRequests => _service!.ApiRequests;

    public async Task InitializeAsync()
    {
        var infrastructure = await SharedInfrastructure.GetAsync();
        _identityProvider = await PrivateServers.StartIdentityProviderAsync();
        var database = infrastructure.PostgresOwnerConnectionString(infrastructure.NewDatabaseName("gateway_cache"));
        _service = await CasesService.StartAsync(database, IdentityProvider.Issuer);
        _gateway = GatewayProcess.Prepare();
        await _gateway.StartAsync(IdentityProvider.Issuer, new Dictionary<string, string>
        {
            ["services__populations__http__0"] = ServiceProcess.Text(_service.BaseAddress),
            ["Identity__ClockSkew"] = ClockSkew.ToString(),
            ["Identity__ValidatedTokenCacheSize"] = CacheSize.ToString(CultureInfo.InvariantCulture),
        });
    }

    public HttpClient GatewayClient(string accessToken)
    {
        var client = new HttpClient { BaseAddress = _gateway!.BaseAddress };
        client.DefaultRequestHeaders.Authorization = new("Bearer", accessToken);
        return client;
    }

    /// <summary>
    /// Replaces the realm's signing key, as a rotation that retires the old key does: the identity provider
    /// restarts on its port with a new key, and publishes only that one.
    /// </summary>
    public async Task RotateSigningKeyAsync()
    {
        await _identityProvider!.StopAsync();
        File.Delete(Path.Combine(IdentityProvider.InstanceDirectory, "data", "signing-key.json"));
        await _identityProvider.StartAsync();
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
}
