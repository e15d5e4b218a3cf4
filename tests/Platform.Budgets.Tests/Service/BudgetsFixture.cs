using System.Collections.Concurrent;
using MassTransit;
using Platform.IntegrationEvents;
using Platform.IntegrationEvents.Budgets;
using Platform.Resources;
using Platform.Testing;

namespace Platform.Budgets.Tests.Service;

/// <summary>
/// One budgets service in its own process, with its own database and RabbitMQ virtual host, so the populations,
/// contracts and outcomes events a test publishes reach this service only; the budget events it publishes are collected.
/// </summary>
public sealed class BudgetsFixture() : BudgetsServiceFixture(seedDemo: false);

/// <summary>The budgets service for tests, with or without its demo seeding.</summary>
public abstract class BudgetsServiceFixture(bool seedDemo) : PlatformServiceFixture(PlatformResources.Budgets, new()
{
    ["Messaging__RelayPollInterval"] = "00:00:00.200",
    ["Budgets__SeedDemo"] = seedDemo ? "true" : "false",
})
{
    private IBusControl? _bus;

    /// <summary>Every <see cref="BudgetAdopted"/> the service published, as a consumer on the broker received it.</summary>
    public ConcurrentQueue<BudgetAdopted> Adopted { get; } = new();

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _bus = Bus.Factory.CreateUsingRabbitMq(rabbit =>
        {
            rabbit.Host(Broker);
            rabbit.ReceiveEndpoint("test-budget-events", endpoint =>
                endpoint.Handler<BudgetAdopted>(context =>
                {
                    Adopted.Enqueue(context.Message);
                    return Task.CompletedTask;
                }));
        });
        await _bus.StartAsync();
    }

    /// <summary>Publishes an event as its service's outbox relay would: the event id is the message id.</summary>
    public Task PublishAsync<TEvent>(TEvent @event)
        where TEvent : IntegrationEvent =>
        _bus!.Publish(@event, context => context.MessageId = @event.EventId);

    /// <summary>Waits until a count query (as the owner) is positive: the service applied what was published.</summary>
    public async Task WaitForAsync(string countSql, params object?[] parameters)
    {
        var applied = await Eventually.TrueAsync(async () => await AsOwnerAsync<long>(countSql, parameters) > 0);
        Assert.True(applied, "The budgets service did not apply the published event in time.");
    }

    public override async Task DisposeAsync()
    {
        if (_bus is not null)
        {
            await _bus.StopAsync();
        }

        await base.DisposeAsync();
    }
}
