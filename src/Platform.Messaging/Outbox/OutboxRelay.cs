using System.Diagnostics;
using MassTransit;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using Platform.Persistence.Sessions;
using Platform.Security;

namespace Platform.Messaging.Outbox;

/// <summary>
/// Delivers committed outbox rows to the broker. Rows are claimed with <c>FOR UPDATE SKIP LOCKED</c>,
/// so any number of instances relay side by side without sending a row twice in the normal case; a
/// crash between the broker's confirmation and the commit can send a row again, which the
/// consumers' inbox absorbs. Failed rounds back off and retry until the broker is back.
/// </summary>
internal sealed class OutboxRelay(
    Database database,
    IBus bus,
    OutboxSignal signal,
    IOptions<MessagingOptions> options,
    ILogger<OutboxRelay> logger) : BackgroundService
{
    internal static readonly ActivitySource ActivitySource = new("Platform.Messaging");
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(10);
    private readonly MessagingOptions _options = options.Value;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var backoff = TimeSpan.Zero;
        var nextCleanup = DateTime.UtcNow;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var (sent, failed) = await RelayBatchAsync(stoppingToken);
                backoff = failed > 0 ? Next(backoff) : TimeSpan.Zero;
                if (DateTime.UtcNow >= nextCleanup)
                {
                    await OutboxCleanup.RunAsync(database, _options.Retention, stoppingToken);
                    nextCleanup = DateTime.UtcNow.AddHours(1);
                }

                if (failed > 0)
                {
                    await Task.Delay(backoff, stoppingToken);
                }
                else if (sent < _options.RelayBatchSize)
                {
                    // Linger briefly after a wake-up so that a burst of commits is relayed in
                    // one round rather than one round per commit.
                    if (await signal.WaitAsync(_options.RelayPollInterval, stoppingToken))
                    {
                        await Task.Delay(_options.RelayLinger, stoppingToken);
                    }
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is NpgsqlException or TimeoutException)
            {
                backoff = Next(backoff);
                logger.LogWarning("Outbox relay cannot reach its database ({Error}); retrying in {Backoff}", e.Message, backoff);
                await Task.Delay(backoff, stoppingToken);
            }
        }
    }

    private async Task<(int Sent, int Failed)> RelayBatchAsync(CancellationToken ct)
    {
        await using var session = await database.BeginAsync(CallerContext.System("outbox-relay"), ct);
        var rows = await ClaimAsync(session, ct);
        if (rows.Count == 0)
        {
            return (0, 0);
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(_options.RelayPublishTimeout);
        var results = await Task.WhenAll(rows.Select(row => PublishAsync(row, timeout.Token)));

        var sent = rows.Where((_, i) => results[i] is null).Select(r => r.Sequence).ToArray();
        var failed = rows.Select((row, i) => (row, error: results[i])).Where(x => x.error is not null).ToList();
        await session.ExecuteAsync(
            "UPDATE platform.outbox_messages SET sent_at = now(), attempts = attempts + 1 WHERE sequence = ANY($1)", ct, sent);
        foreach (var (row, error) in failed)
        {
            await session.ExecuteAsync(
                "UPDATE platform.outbox_messages SET attempts = attempts + 1, last_error = $2 WHERE sequence = $1", ct, row.Sequence, error);
        }

        await session.CommitAsync(ct);
        if (failed.Count > 0)
        {
            logger.LogWarning("Outbox relay could not deliver {Failed} of {Total} events ({Error}); they stay queued", failed.Count, rows.Count, failed[0].error);
        }

        return (sent.Length, failed.Count);
    }

    private async Task<List<OutboxRow>> ClaimAsync(DbSession session, CancellationToken ct)
    {
        await using var command = session.Command(
            """
            SELECT sequence, message_id, message_type, body::text, trace_parent, trace_state
            FROM platform.outbox_messages
            WHERE sent_at IS NULL
            ORDER BY sequence
            LIMIT $1
            FOR UPDATE SKIP LOCKED
            """,
            _options.RelayBatchSize);
        var rows = new List<OutboxRow>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            rows.Add(new OutboxRow(
                reader.GetInt64(0), reader.GetGuid(1), reader.GetString(2), reader.GetString(3),
                reader.IsDBNull(4) ? null : reader.GetString(4), reader.IsDBNull(5) ? null : reader.GetString(5)));
        }

        return rows;
    }

    /// <returns>null when the broker confirmed the message, otherwise the reason it did not.</returns>
    /// <remarks>Any failure keeps the row queued with its reason visible in <c>last_error</c>.</remarks>
    private async Task<string?> PublishAsync(OutboxRow row, CancellationToken ct)
    {
        ActivityContext.TryParse(row.TraceParent, row.TraceState, out var parent);
        using var activity = ActivitySource.StartActivity("outbox relay", ActivityKind.Internal, parent);
        try
        {
            var (message, type) = EventSerializer.Deserialize(row.MessageType, row.Body);
            await bus.Publish(message, type, context => context.MessageId = row.MessageId, ct);
            return null;
        }
        catch (Exception e)
        {
            activity?.SetStatus(ActivityStatusCode.Error, e.Message);
            return $"{e.GetType().Name}: {e.Message}";
        }
    }

    private static TimeSpan Next(TimeSpan backoff) =>
        backoff == TimeSpan.Zero ? TimeSpan.FromMilliseconds(250) : TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, MaxBackoff.Ticks));

    private sealed record OutboxRow(long Sequence, Guid MessageId, string MessageType, string Body, string? TraceParent, string? TraceState);
}
