namespace Platform.Messaging;

/// <summary>Settings of the messaging building block, bound from the configuration section <c>Messaging</c>.</summary>
public sealed class MessagingOptions
{
    /// <summary>Prefix of this service's queue names, so services sharing a broker keep their own queues.</summary>
    public string ServiceName { get; set; } = "service";

    /// <summary>Redelivery intervals for a failing consumer; when they are used up the message goes to the error queue.</summary>
    public IList<TimeSpan> RetryIntervals { get; } = [TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5)];

    /// <summary>
    /// Messages a consumer endpoint takes from the broker and handles at once. Inbox consumers
    /// spend most of their time waiting on their database commit, so this is well above the core count.
    /// </summary>
    public int PrefetchCount { get; set; } = 32;

    /// <summary>How many outbox rows the relay sends per round.</summary>
    public int RelayBatchSize { get; set; } = 200;

    /// <summary>How often the relay looks for rows written by other instances or left by a broker outage.</summary>
    public TimeSpan RelayPollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long the relay waits after a commit wakes it, to send the commits that follow in the same round.</summary>
    public TimeSpan RelayLinger { get; set; } = TimeSpan.FromMilliseconds(20);

    /// <summary>Longest wait for the broker's confirmation of one batch before the relay backs off.</summary>
    public TimeSpan RelayPublishTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How long delivered outbox rows and inbox ids are kept (the inbox's duplicate window).</summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(30);
}
