using System.Collections.Concurrent;
using System.Net.Http.Headers;
using MassTransit;
using Platform.IntegrationEvents;
using Platform.IntegrationEvents.Referrals;
using Platform.Provider.V1;
using Platform.Testing;

namespace Platform.Referrals.Tests.Service;

/// <summary>
/// One referrals service in its own process, with its own database and its own RabbitMQ virtual host, so the
/// populations events a test publishes reach this service only. Tests reach it with real tokens of the realm's
/// demo users and provider clients, and publish the populations service's events on a real bus.
/// </summary>
public sealed class ReferralsFixture : IAsyncLifetime
{
    private readonly Dictionary<string, string> _tokens = [];
    private ServiceProcess? _service;
    private IBusControl? _bus;

    public string DatabaseConnectionString { get; private set; } = null!;

    public Uri Broker { get; private set; } = null!;

    public Uri Issuer { get; private set; } = null!;

    public TokenClient Tokens { get; private set; } = null!;

    public ServiceProcess Service => _service!;

    public Uri BaseAddress => _service!.BaseAddress;

    public Uri GrpcAddress => _service!.GrpcAddress;

    /// <summary>Every signal event the service published, as a consumer on the broker received it.</summary>
    public ConcurrentQueue<IntegrationEvent> SignalEvents { get; } = new();

    public async Task InitializeAsync()
    {
        var infrastructure = await SharedInfrastructure.GetAsync();
        var identity = await SharedInfrastructure.GetIdentityProviderAsync();
        Issuer = identity.Issuer;
        Tokens = new TokenClient(identity.Issuer);
        DatabaseConnectionString = await infrastructure.CreateDatabaseAsync("referrals");
        Broker = await infrastructure.CreateVirtualHostAsync("referrals");
        _service = await ReferralsProcess.StartAsync(DatabaseConnectionString, Broker, identity.Issuer);
        _bus = Bus.Factory.CreateUsingRabbitMq(rabbit =>
        {
            rabbit.Host(Broker);
            rabbit.ReceiveEndpoint("test-signal-events", endpoint =>
            {
                endpoint.Handler<ReferralSignalRaised>(context => Collect(context.Message));
                endpoint.Handler<ReferralSignalAcknowledged>(context => Collect(context.Message));
                endpoint.Handler<ReferralSignalClosed>(context => Collect(context.Message));
            });
        });
        await _bus.StartAsync();
    }

    private Task Collect(IntegrationEvent @event)
    {
        SignalEvents.Enqueue(@event);
        return Task.CompletedTask;
    }

    /// <summary>Publishes an event as its service's outbox relay would: the event id is the message id.</summary>
    public Task PublishAsync<TEvent>(TEvent @event)
        where TEvent : IntegrationEvent =>
        _bus!.Publish(@event, context => context.MessageId = @event.EventId);

    /// <summary>A client of the service's REST API acting as a demo user (password <c>demo</c>).</summary>
    public async Task<HttpClient> ClientForAsync(string username)
    {
        if (!_tokens.TryGetValue(username, out var token))
        {
            token = await Tokens.PasswordTokenAsync(username);
            _tokens[username] = token;
        }

        var client = new HttpClient { BaseAddress = BaseAddress };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>A gRPC client acting as a provider system's machine client, e.g. <c>provider-tom-in-de-buurt</c>.</summary>
    public async Task<ProviderReferrals.ProviderReferralsClient> ProviderClientAsync(string clientId) =>
        new(GrpcTestClients.Invoker(GrpcAddress, await Tokens.ClientCredentialsTokenAsync(clientId)));

    /// <summary>A gRPC client with a staff member's token, or none: for the refusals.</summary>
    public async Task<ProviderReferrals.ProviderReferralsClient> GrpcClientAsync(string? username) =>
        new(GrpcTestClients.Invoker(GrpcAddress, username is null ? null : await Tokens.PasswordTokenAsync(username)));

    /// <summary>Runs SQL as the database owner, past row-level security: for setting up and inspecting what the API cannot show.</summary>
    public Task<T?> AsOwnerAsync<T>(string sql, params object?[] parameters) =>
        OwnerSql.ScalarAsync<T>(DatabaseConnectionString, sql, parameters);

    public async Task DisposeAsync()
    {
        if (_bus is not null)
        {
            await _bus.StopAsync();
        }

        if (_service is not null)
        {
            await _service.DisposeAsync();
        }
    }
}
