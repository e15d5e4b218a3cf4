using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Platform.Testing;

namespace Platform.Messaging.Tests;

public class InboxTests
{
    [Fact]
    public async Task A_message_delivered_twice_is_applied_once()
    {
        var infrastructure = await SharedInfrastructure.GetAsync();
        var database = infrastructure.PostgresOwnerConnectionString(infrastructure.NewDatabaseName("inbox"));
        await using var service = await TestService.StartAsync("inbox", database, infrastructure.RabbitMqUri);
        var bus = service.Services.GetRequiredService<IBus>();
        var deliveries = new DeliveryCounter();
        using var observer = bus.ConnectConsumeMessageObserver(deliveries);
        var happened = new ThingHappened("inbox", "delivered-twice");

        await bus.Publish(happened, context => context.MessageId = happened.EventId);
        await bus.Publish(happened, context => context.MessageId = happened.EventId);

        Assert.True(await Eventually.TrueAsync(() => Task.FromResult(deliveries.Consumed(happened.EventId) == 2)));
        Assert.Equal(1L, await service.CountAsync("SELECT count(*) FROM applied WHERE event_id = $1", happened.EventId));
    }

    private sealed class DeliveryCounter : IConsumeMessageObserver<ThingHappened>
    {
        private readonly System.Collections.Concurrent.ConcurrentDictionary<Guid, int> _consumed = new();

        public int Consumed(Guid id) => _consumed.GetValueOrDefault(id);

        public Task PreConsume(ConsumeContext<ThingHappened> context) => Task.CompletedTask;

        public Task PostConsume(ConsumeContext<ThingHappened> context)
        {
            _consumed.AddOrUpdate(context.Message.EventId, 1, (_, n) => n + 1);
            return Task.CompletedTask;
        }

        public Task ConsumeFault(ConsumeContext<ThingHappened> context, Exception exception) => Task.CompletedTask;
    }
}
