using MassTransit;
using Platform.Messaging.Inbox;
using Platform.Persistence.Sessions;

namespace Platform.Messaging.Benchmarks;

public sealed class ConsumedCounter
{
    private int _count;

    public int Count => Volatile.Read(ref _count);

    public void Increment() => Interlocked.Increment(ref _count);
}

/// <summary>Plain MassTransit consumer: counts, and that is all.</summary>
public sealed class PlainEventConsumer(ConsumedCounter counter) : IConsumer<PlainEventHappened>
{
    public Task Consume(ConsumeContext<PlainEventHappened> context)
    {
        counter.Increment();
        return Task.CompletedTask;
    }
}

/// <summary>Inbox consumer: records the event in the service database, once.</summary>
public sealed class OutboxEventConsumer(Database database) : InboxConsumer<OutboxEventHappened>(database)
{
    protected override Task HandleAsync(OutboxEventHappened message, DbSession session, CancellationToken ct) =>
        session.ExecuteAsync("INSERT INTO applied (event_id, number) VALUES ($1, $2)", ct, message.EventId, message.Number);
}
