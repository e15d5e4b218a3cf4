using MassTransit;
using Platform.IntegrationEvents;

namespace Platform.Contracts.Tests;

/// <summary>A bus on the service's virtual host that publishes as an outbox relay would: the event id is the message id.</summary>
internal sealed class TestBus(IBusControl bus) : IAsyncDisposable
{
    public static async Task<TestBus> StartAsync(Uri broker)
    {
        var bus = Bus.Factory.CreateUsingRabbitMq(rabbit => rabbit.Host(broker));
        await bus.StartAsync();
        return new TestBus(bus);
    }

    public Task PublishAsync<TEvent>(TEvent @event)
        where TEvent : IntegrationEvent =>
        bus.Publish(@event, context => context.MessageId = @event.EventId);

    public async ValueTask DisposeAsync() => await bus.StopAsync();
}
