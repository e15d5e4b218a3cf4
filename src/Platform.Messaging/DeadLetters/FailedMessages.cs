using System.Text;
using RabbitMQ.Client;

namespace Platform.Messaging.DeadLetters;

/// <summary>
/// Lists and replays the messages MassTransit parked in a consumer's error queue
/// (<c>&lt;queue&gt;_error</c>), with the exception it recorded. Replay sends the message back
/// to its queue unchanged, under its original id, and removes it from the error queue only after
/// the broker confirmed the resend: nothing is lost on the way.
/// </summary>
public sealed class FailedMessages(Uri brokerUri)
{
    private const string FaultHeaderPrefix = "MT-Fault-";

    public async Task<IReadOnlyList<DeadLetter>> ListAsync(string queue, CancellationToken ct = default)
    {
        var found = new List<DeadLetter>();
        await BrowseAsync(queue, (message, _) =>
        {
            found.Add(message);
            return Task.FromResult(false);
        }, ct);
        return found;
    }

    /// <summary>Replays the messages of <paramref name="queue"/>'s error queue that match <paramref name="messageId"/> (all when null).</summary>
    /// <returns>How many messages were sent back.</returns>
    public async Task<int> ReplayAsync(string queue, string? messageId = null, CancellationToken ct = default)
    {
        var replayed = 0;
        await BrowseAsync(queue, async (message, get) =>
        {
            if (messageId is not null && message.MessageId != messageId)
            {
                return false;
            }

            await get.ResendAsync(queue, ct);
            replayed++;
            return true;
        }, ct);
        return replayed;
    }

    /// <summary>
    /// Takes every message of the error queue without acknowledging it; the ones the visitor does
    /// not handle go back to the queue when the channel closes.
    /// </summary>
    private async Task BrowseAsync(string queue, Func<DeadLetter, ErrorQueueMessage, Task<bool>> visit, CancellationToken ct)
    {
        var factory = new ConnectionFactory { Uri = brokerUri };
        await using var connection = await factory.CreateConnectionAsync("dead-letters", ct);
        await using var channel = await connection.CreateChannelAsync(
            new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true), ct);
        var errorQueue = queue + "_error";
        if (!await ExistsAsync(connection, errorQueue, ct))
        {
            return;
        }

        while (await channel.BasicGetAsync(errorQueue, autoAck: false, ct) is { } result)
        {
            var message = ErrorQueueMessage.Describe(queue, result);
            var handled = await visit(message, new ErrorQueueMessage(channel, result));
            if (handled)
            {
                await channel.BasicAckAsync(result.DeliveryTag, multiple: false, ct);
            }
        }

        await channel.CloseAsync(ct);
    }

    /// <summary>MassTransit declares an error queue at the first failure; before that there is nothing to list.</summary>
    private static async Task<bool> ExistsAsync(IConnection connection, string queue, CancellationToken ct)
    {
        // A passive declare of a missing queue closes its channel, hence a channel of its own.
        await using var probe = await connection.CreateChannelAsync(cancellationToken: ct);
        try
        {
            await probe.QueueDeclarePassiveAsync(queue, ct);
            return true;
        }
        catch (RabbitMQ.Client.Exceptions.OperationInterruptedException e) when (e.ShutdownReason?.ReplyCode == 404)
        {
            return false;
        }
    }

    private sealed class ErrorQueueMessage(IChannel channel, BasicGetResult result)
    {
        public static DeadLetter Describe(string queue, BasicGetResult result)
        {
            var headers = result.BasicProperties.Headers ?? new Dictionary<string, object?>();
            return new DeadLetter(
                queue,
                result.BasicProperties.MessageId ?? Header(headers, "MessageId"),
                Header(headers, "MT-MessageType") ?? result.BasicProperties.Type,
                Header(headers, FaultHeaderPrefix + "ExceptionType"),
                Header(headers, FaultHeaderPrefix + "Message"),
                Header(headers, FaultHeaderPrefix + "Timestamp"),
                Encoding.UTF8.GetString(result.Body.Span));
        }

        public async Task ResendAsync(string queue, CancellationToken ct)
        {
            var properties = new BasicProperties(result.BasicProperties)
            {
                Headers = (result.BasicProperties.Headers ?? new Dictionary<string, object?>())
                    .Where(h => !h.Key.StartsWith(FaultHeaderPrefix, StringComparison.Ordinal) && h.Key != "MT-Reason")
                    .ToDictionary(h => h.Key, h => h.Value),
            };

            // With publisher confirmations on, this returns only once the broker holds the message.
            await channel.BasicPublishAsync(exchange: string.Empty, routingKey: queue, mandatory: true, properties, result.Body, ct);
        }

        private static string? Header(IDictionary<string, object?> headers, string name) =>
            headers.TryGetValue(name, out var value) ? value switch
            {
                byte[] bytes => Encoding.UTF8.GetString(bytes),
                null => null,
                _ => value.ToString(),
            } : null;
    }
}
