using System.Collections.Concurrent;
using MassTransit;
using Platform.IntegrationEvents;
using Platform.IntegrationEvents.Contracts;
using Platform.Resources;
using Platform.Testing;

namespace Platform.Contracts.Tests;

/// <summary>
/// One contracts service in its own process, with its own database and RabbitMQ virtual host, so the populations
/// events a test publishes on the fixture's bus reach this service only; the contract events it publishes are collected.
/// </summary>
public sealed class ContractsFixture() : PlatformServiceFixture(PlatformResources.Contracts, new()
{
    ["Contracts__SeedDemo"] = "false",
    ["Messaging__RelayPollInterval"] = "00:00:00.200",
})
{
    private IBusControl? _bus;

    /// <summary>Every contract event the service published, as a consumer on the broker received it.</summary>
    public ConcurrentQueue<IntegrationEvent> ContractEvents { get; } = new();

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _bus = Bus.Factory.CreateUsingRabbitMq(rabbit =>
        {
            rabbit.Host(Broker);
            rabbit.ReceiveEndpoint("test-contract-events", endpoint =>
            {
                endpoint.Handler<ContractActivated>(context => Collect(context.Message));
                endpoint.Handler<ContractAmended>(context => Collect(context.Message));
                endpoint.Handler<ContractEnded>(context => Collect(context.Message));
            });
        });
        await _bus.StartAsync();
    }

    /// <summary>Publishes an event as its service's outbox relay would: the event id is the message id.</summary>
    public Task PublishAsync<TEvent>(TEvent @event)
        where TEvent : IntegrationEvent =>
        _bus!.Publish(@event, context => context.MessageId = @event.EventId);

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
        ContractEvents.Enqueue(@event);
        return Task.CompletedTask;
    }
}

[CollectionDefinition(Name)]
public sealed class SharedContractsService : ICollectionFixture<ContractsFixture>
{
    public const string Name = "contracts service";
}
