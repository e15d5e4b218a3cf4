using Platform.LocalInfrastructure;
using Platform.Messaging.DeadLetters;

namespace Platform.Launcher;

/// <summary>
/// The operator's view of messages a consumer could not apply: <c>failed &lt;queue&gt;</c> lists
/// what sits in the queue's error queue with the exception; <c>replay &lt;queue&gt; [message-id]</c>
/// sends one (or all) back once the cause is fixed.
/// </summary>
internal static class FailedMessagesCommand
{
    public static async Task<int> ListAsync(string repositoryRoot, string queue)
    {
        if (BrokerUri(repositoryRoot) is not { } broker)
        {
            return 1;
        }

        var failed = await new FailedMessages(broker).ListAsync(queue);
        Console.WriteLine($"{failed.Count} failed message(s) in {queue}_error");
        foreach (var message in failed)
        {
            Console.WriteLine($"- {message.MessageId}  {message.MessageType}  failed {message.FailedAt}");
            Console.WriteLine($"  {message.ExceptionType}: {message.ExceptionMessage}");
        }

        return 0;
    }

    public static async Task<int> ReplayAsync(string repositoryRoot, string queue, string? messageId)
    {
        if (BrokerUri(repositoryRoot) is not { } broker)
        {
            return 1;
        }

        var replayed = await new FailedMessages(broker).ReplayAsync(queue, messageId);
        Console.WriteLine($"Replayed {replayed} message(s) from {queue}_error to {queue}.");
        return replayed > 0 || messageId is null ? 0 : 1;
    }

    private static Uri? BrokerUri(string repositoryRoot)
    {
        var manifest = LocalRunManifest.Read(LocalLayout.ManifestFile(repositoryRoot));
        var broker = manifest?.Resources.FirstOrDefault(r => r.Address.StartsWith("amqp://", StringComparison.Ordinal));
        if (broker is null)
        {
            Console.Error.WriteLine("No running broker found in the local run's manifest. Start the platform with ./run.sh");
            return null;
        }

        return new Uri(broker.Address);
    }
}
