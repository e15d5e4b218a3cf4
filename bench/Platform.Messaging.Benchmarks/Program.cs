using Platform.LocalInfrastructure;
using Platform.Messaging.Benchmarks;

// End-to-end event throughput: committed -> consumed and applied, through the outbox and inbox,
// against plain MassTransit publish/consume of the same number of messages on the same broker.
var events = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 20_000;
var root = Path.Combine(RepositoryRoot.Find(), ".local", "bench", "messaging");
var postgres = new PostgresServer(root);
var rabbitMq = new RabbitMqServer(root);
await Task.WhenAll(postgres.StartAsync(), rabbitMq.StartAsync());
try
{
    Console.WriteLine($"Events: {events:N0}; PostgreSQL on port {postgres.Port}, RabbitMQ on port {rabbitMq.AmqpPort}");
    var plain = await PlainMassTransitRun.RunAsync(rabbitMq.AmqpUri, events);
    Console.WriteLine($"plain MassTransit publish/consume : {plain.PerSecond,10:N0} events/s  ({plain.Elapsed.TotalSeconds:N1} s)");
    var outbox = await OutboxInboxRun.RunAsync(postgres, rabbitMq.AmqpUri, events);
    Console.WriteLine($"outbox -> relay -> inbox (applied): {outbox.PerSecond,10:N0} events/s  ({outbox.Elapsed.TotalSeconds:N1} s)");
    Console.WriteLine($"ratio outbox/plain: {outbox.PerSecond / plain.PerSecond:N2}; lost: {outbox.Lost}; applied twice: {outbox.Doubled}");
}
finally
{
    await Task.WhenAll(postgres.StopAsync(), rabbitMq.StopAsync());
}
