using MassTransit;
using Platform.IntegrationEvents;
using Platform.Persistence;
using Platform.Persistence.Sessions;
using Platform.Security;

namespace Platform.Messaging.Inbox;

/// <summary>
/// A consumer that applies each message once. The message id is recorded in the inbox in the same
/// transaction as the consumer's own changes: a redelivered message finds its id and is skipped,
/// and a failed one leaves no id behind, so its retry applies it.
/// </summary>
public abstract class InboxConsumer<TEvent>(Database database) : IConsumer<TEvent>
    where TEvent : class
{
    public async Task Consume(ConsumeContext<TEvent> context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var messageId = context.MessageId
            ?? throw new InvalidOperationException($"A {typeof(TEvent).Name} arrived without a message id; it cannot be applied exactly once.");
        var ct = context.CancellationToken;

        await using var session = await database.BeginAsync(CallerFor(context.Message), ct);
        var first = await session.ExecuteAsync(
            "INSERT INTO platform.inbox_messages (message_id, consumer) VALUES ($1, $2) ON CONFLICT DO NOTHING",
            ct,
            messageId,
            GetType().FullName);
        if (first == 0)
        {
            return;
        }

        await HandleAsync(context.Message, session, ct);
        await session.CommitAsync(ct);
    }

    /// <summary>Applies the event's effect within <paramref name="session"/>; do not commit it.</summary>
    protected abstract Task HandleAsync(TEvent message, DbSession session, CancellationToken ct);

    /// <summary>Tenant events are applied in their municipality's context, so row-level security holds for consumers too.</summary>
    protected virtual CallerContext CallerFor(TEvent message) =>
        message is ITenantEvent tenant
            ? CallerContext.SystemFor(tenant.Municipality, GetType().Name)
            : CallerContext.System(GetType().Name);
}
