namespace Platform.Messaging;

/// <summary>Settings of the messaging building block, bound from the configuration section <c>Messaging</c>.</summary>
public sealed class MessagingOptions
{
    /// <summary>Prefix of this service's queue names, so services sharing a broker keep their own queues.</summary>
    public string ServiceName { get; set; } = "service";

    /// <summary>Redelivery intervals for a failing consumer; when they are used up the message goes to the error queue.</summary>
    public IList<TimeSpan> RetryIntervals { get; } = [TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5)];

    /// <summary>How many outbox rows the relay sends per round.</summary>
    public int RelayBatchSize { get; set; } = 200;

    /// <summary>How often the relay looks for rows written by other instances or left by a broker outage.</summary>
    public TimeSpan RelayPollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Longest wait for the broker's confirmation of one batch before the relay backs off.</summary>
    public TimeSpan RelayPublishTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How long delivered outbox rows and inbox ids are kept (the inbox's duplicate window).</summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(30);
}
