using System.Diagnostics;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Platform.Messaging.Benchmarks;

/// <summary>The peer: publish straight to the broker and count in memory, no database on either side.</summary>
internal static class PlainMassTransitRun
{
    public static async Task<RunResult> RunAsync(Uri brokerUri, int events)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddSingleton<ConsumedCounter>();
        builder.Services.AddOptions<MassTransitHostOptions>().Configure(o => o.WaitUntilStarted = true);
        builder.Services.AddMassTransit(bus =>
        {
            bus.SetEndpointNameFormatter(new KebabCaseEndpointNameFormatter("bench-plain", includeNamespace: false));
            bus.AddConsumer<PlainEventConsumer>();
            bus.UsingRabbitMq((context, rabbit) =>
            {
                rabbit.Host(brokerUri);
                rabbit.ConfigureEndpoints(context);
            });
        });
        using var host = builder.Build();
        await host.StartAsync();
        var bus = host.Services.GetRequiredService<IBus>();
        var counter = host.Services.GetRequiredService<ConsumedCounter>();

        var clock = Stopwatch.StartNew();
        await Parallel.ForAsync(0, events, new ParallelOptions { MaxDegreeOfParallelism = 64 },
            async (i, ct) => await bus.Publish(new PlainEventHappened(i), ct));
        while (counter.Count < events)
        {
            await Task.Delay(10);
        }

        var elapsed = clock.Elapsed;
        await host.StopAsync();
        return new RunResult(events, elapsed);
    }
}
