using Microsoft.Extensions.DependencyInjection;
using Platform.Security;
using Platform.Testing;

namespace Platform.Hosting.Tests.Hosting;

/// <summary>
/// The Interop server as a platform service behind a real gateway process. Both trust the shared
/// identity provider and validate every token themselves, as a service does: the backend reads the
/// realm's keys, not the self-minted test keys, so only a token the gateway would forward is valid
/// there too. Its Secret method stands for a provider method: it requires the provider-system role.
/// </summary>
public sealed class GatewayInteropFixture : IAsyncLifetime
{
    /// <summary>The owning service's name in the gateway's configuration.</summary>
    private const string Owner = "interop";

    private GrpcTestServer? _backend;
    private GatewayProcess? _gateway;

    internal GrpcTestServer Backend => _backend ?? throw new InvalidOperationException("Not started.");

    /// <summary>The gateway's h2c listener for provider gRPC.</summary>
    public Uri Target => _gateway?.GrpcAddress ?? throw new InvalidOperationException("Not started.");

    public TokenClient Tokens { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var issuer = (await SharedInfrastructure.GetIdentityProviderAsync()).Issuer;
        Tokens = new TokenClient(issuer);
        _backend = await GrpcTestServer.StartAsync(
            new Dictionary<string, string?> { ["Identity:Authority"] = issuer.ToString() },
            builder =>
            {
                builder.AddPlatformAuthentication();
                builder.Services.AddAuthorization(options => options.AddPolicy(InteropService.ReaderPolicy, policy => policy
                    .RequireAuthenticatedUser().RequireRole(PlatformRoles.ProviderSystem)));
            },
            testTokens: false);
        _gateway = GatewayProcess.Prepare();
        await _gateway.StartAsync(issuer, new Dictionary<string, string>
        {
            ["Gateway__GrpcServices__platform.testing.v1.Interop"] = Owner,
            [$"services__{Owner}__grpc__0"] = _backend.GrpcAddress.ToString().TrimEnd('/'),
        });
    }

    /// <summary>A provider system's token from the realm (client credentials of a provider's client).</summary>
    public Task<string> ProviderTokenAsync() => Tokens.ClientCredentialsTokenAsync("provider-rijnland-jeugd");

    public async Task DisposeAsync()
    {
        if (_gateway is not null)
        {
            await _gateway.DisposeAsync();
        }

        if (_backend is not null)
        {
            await _backend.DisposeAsync();
        }
    }
}

/// <summary>The tests through the gateway share one gateway and run one at a time, so the backend's request count is theirs.</summary>
[CollectionDefinition(Name)]
public sealed class ThroughTheGateway : ICollectionFixture<GatewayInteropFixture>
{
    public const string Name = "gateway interop";
}
