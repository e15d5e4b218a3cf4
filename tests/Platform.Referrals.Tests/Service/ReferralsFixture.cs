using System.Collections.Concurrent;
using MassTransit;
using Platform.IntegrationEvents;
using Platform.IntegrationEvents.Referrals;
using Platform.Provider.V1;
using Platform.Resources;
using Platform.Testing;

namespace Platform.Referrals.Tests.Service;

/// <summary>
/// One referrals service in its own process, with its own database and RabbitMQ virtual host, so the populations
/// events a test publishes on the fixture's bus reach this service only; the signal events it publishes are collected.
/// </summary>
public sealed class ReferralsFixture() : PlatformServiceFixture(PlatformResources.Referrals, new()
{
    ["Messaging__RelayPollInterval"] = "00:00:00.200",

    // Each test writes its own referrals and asks for detection itself; the detector's own rounds only add noise,
    // and the demo referrals would only get in the way.
    ["Referrals__SeedDemoReferrals"] = "false",
    ["Referrals__Signals__Interval"] = "01:00:00",
})
{
    private IBusControl? _bus;

    /// <summary>Every signal event the service published, as a consumer on the broker received it.</summary>
    public ConcurrentQueue<IntegrationEvent> SignalEvents { get; } = new();

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
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

    /// <summary>Publishes an event as its service's outbox relay would: the event id is the message id.</summary>
    public Task PublishAsync<TEvent>(TEvent @event)
        where TEvent : IntegrationEvent =>
        _bus!.Publish(@event, context => context.MessageId = @event.EventId);

    /// <summary>The intake as a provider system's machine client, e.g. <c>provider-tom-in-de-buurt</c>.</summary>
    public async Task<ProviderReferrals.ProviderReferralsClient> ProviderClientAsync(string clientId) => new(await ProviderCallsAsync(clientId));

    /// <summary>The intake with a staff member's token, or none: for the refusals.</summary>
    public async Task<ProviderReferrals.ProviderReferralsClient> GrpcClientAsync(string? username) => new(await StaffCallsAsync(username));

    public override async Task DisposeAsync()
    {
        if (_bus is not null)
        {
            await _bus.StopAsync();
        }

        await base.DisposeAsync();
    }

    private Task Collect(IntegrationEvent @event)
    {
        SignalEvents.Enqueue(@event);
        return Task.CompletedTask;
    }
}
