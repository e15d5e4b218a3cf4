using System.Collections.Concurrent;
using MassTransit;
using Platform.IntegrationEvents;
using Platform.IntegrationEvents.Outcomes;
using Platform.Provider.V1;
using Platform.Resources;
using Platform.Testing;

namespace Platform.Outcomes.Tests.Service;

/// <summary>
/// One outcomes service in its own process, with its own database and RabbitMQ virtual host, so the contract events a
/// test publishes reach this service only; the evaluations it publishes are collected.
/// </summary>
public sealed class OutcomesFixture() : PlatformServiceFixture(PlatformResources.Outcomes, new()
{
    ["Messaging__RelayPollInterval"] = "00:00:00.200",

    // Each test asks for its evaluations itself; the evaluator's own rounds and the demo would only add noise.
    ["Outcomes__SeedDemo"] = "false",
    ["Outcomes__EvaluationInterval"] = "01:00:00",
})
{
    private IBusControl? _bus;

    /// <summary>Every evaluation the service published, as a consumer on the broker received it.</summary>
    public ConcurrentQueue<ResultAgreementEvaluated> Evaluations { get; } = new();

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _bus = Bus.Factory.CreateUsingRabbitMq(rabbit =>
        {
            rabbit.Host(Broker);
            rabbit.ReceiveEndpoint("test-outcome-events", endpoint =>
                endpoint.Handler<ResultAgreementEvaluated>(context =>
                {
                    Evaluations.Enqueue(context.Message);
                    return Task.CompletedTask;
                }));
        });
        await _bus.StartAsync();
    }

    /// <summary>Publishes an event as its service's outbox relay would: the event id is the message id.</summary>
    public Task PublishAsync<TEvent>(TEvent @event)
        where TEvent : IntegrationEvent =>
        _bus!.Publish(@event, context => context.MessageId = @event.EventId);

    /// <summary>The intake as a provider system's machine client, e.g. <c>provider-tom-in-de-buurt</c>.</summary>
    public async Task<ProviderOutcomes.ProviderOutcomesClient> ProviderClientAsync(string clientId) => new(await ProviderCallsAsync(clientId));

    /// <summary>The intake with a staff member's token, or none: for the refusals.</summary>
    public async Task<ProviderOutcomes.ProviderOutcomesClient> GrpcClientAsync(string? username) => new(await StaffCallsAsync(username));

    public override async Task DisposeAsync()
    {
        if (_bus is not null)
        {
            await _bus.StopAsync();
        }

        await base.DisposeAsync();
    }
}
