using System.Diagnostics;
using NpgsqlTypes;
using Platform.IntegrationEvents;
using Platform.Persistence.Sessions;

namespace Platform.Messaging.Outbox;

/// <summary>
/// Records an event in the caller's transaction. It reaches the broker only if that transaction
/// commits, and then for certain: the relay keeps trying until the broker confirms it.
/// </summary>
public sealed class Outbox(OutboxSignal signal)
{
    public async Task AddAsync(DbSession session, IntegrationEvent @event, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(@event);

        // The trace context travels with the row, so the relay's publish joins the request's trace.
        var activity = Activity.Current;
        await using var command = session.Command(
            """
            INSERT INTO platform.outbox_messages (message_id, message_type, body, trace_parent, trace_state)
            VALUES ($1, $2, $3, $4, $5)
            """,
            @event.EventId,
            EventSerializer.TypeName(@event.GetType()),
            EventSerializer.Serialize(@event),
            activity?.Id,
            activity?.TraceStateString);
        command.Parameters[2].NpgsqlDbType = NpgsqlDbType.Jsonb;
        await command.ExecuteNonQueryAsync(ct);
        session.OnCommitted(signal.Notify);
    }
}
