using Platform.Persistence;
using Platform.Persistence.Sessions;
using Platform.Security;

namespace Platform.Messaging.Outbox;

/// <summary>Removes delivered outbox rows and inbox ids older than the retention window.</summary>
internal static class OutboxCleanup
{
    public static Task RunAsync(Database database, TimeSpan retention, CancellationToken ct) =>
        database.InTransactionAsync(CallerContext.System("outbox-cleanup"), async session =>
        {
            var cutoff = DateTimeOffset.UtcNow - retention;
            await session.ExecuteAsync("DELETE FROM platform.outbox_messages WHERE sent_at < $1", ct, cutoff);
            await session.ExecuteAsync("DELETE FROM platform.inbox_messages WHERE processed_at < $1", ct, cutoff);
        }, ct);
}
