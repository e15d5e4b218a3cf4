using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Platform.Messaging.DeadLetters;
using Platform.Messaging.Outbox;
using Platform.Persistence;
using Platform.Persistence.Migrations;
using Platform.Resources;

namespace Platform.Messaging;

public static class MessagingExtensions
{
    /// <summary>Name of the broker's connection string, as the AppHost and the local launcher inject it.</summary>
    public const string ConnectionName = PlatformResources.Messaging;

    /// <summary>
    /// MassTransit on RabbitMQ from <c>ConnectionStrings:messaging</c>, with the transactional outbox
    /// and its relay, bounded retries into error queues, and the outbox and inbox tables in the
    /// service's database (call <c>AddPlatformDatabase</c> first).
    /// </summary>
    public static IHostApplicationBuilder AddPlatformMessaging(
        this IHostApplicationBuilder builder, string serviceName, Action<IBusRegistrationConfigurator>? consumers = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var brokerUri = new Uri(builder.Configuration.GetConnectionString(ConnectionName)
            ?? throw new InvalidOperationException($"Connection string '{ConnectionName}' is missing: set ConnectionStrings__{ConnectionName}."));

        var options = builder.Services.AddOptions<MessagingOptions>()
            .Bind(builder.Configuration.GetSection("Messaging"))
            .Configure(o => o.ServiceName = serviceName);
        var prefetchCount = builder.Configuration.GetValue("Messaging:PrefetchCount", new MessagingOptions().PrefetchCount);
        var retryIntervals = builder.Configuration.GetSection("Messaging:RetryIntervals").Get<TimeSpan[]>()
            ?? new MessagingOptions().RetryIntervals.ToArray();

        builder.Services.AddMigrations(MigrationSource.FromAssembly("platform.messaging", typeof(MessagingExtensions).Assembly));
        builder.Services.AddSingleton<OutboxSignal>();
        builder.Services.AddSingleton<Outbox.Outbox>();
        builder.Services.AddHostedService<OutboxRelay>();
        builder.Services.AddSingleton(new FailedMessages(brokerUri));

        builder.Services.AddMassTransit(bus =>
        {
            // Otherwise MassTransit reports bus, endpoint and host details to its vendor's telemetry
            // service; a platform holding municipal data calls out to nobody.
            bus.DisableUsageTelemetry();
            bus.SetEndpointNameFormatter(new KebabCaseEndpointNameFormatter(serviceName, includeNamespace: false));
            consumers?.Invoke(bus);
            bus.UsingRabbitMq((context, rabbit) =>
            {
                rabbit.Host(brokerUri);
                rabbit.PrefetchCount = prefetchCount;

                // Bounded retries; after the last one MassTransit moves the message with its
                // exception to the endpoint's _error queue, where FailedMessages can replay it.
                rabbit.UseMessageRetry(retry => retry.Intervals(retryIntervals));
                rabbit.ConfigureEndpoints(context);
            });
        });
        return builder;
    }
}
