namespace Platform.IntegrationEvents;

/// <summary>
/// A fact one service tells the others, named in the past tense (<c>PopulationDefined</c>).
/// <see cref="EventId"/> becomes the broker message id, which consumers use to apply it once.
/// </summary>
public abstract record IntegrationEvent
{
    public Guid EventId { get; init; } = Guid.CreateVersion7();

    public DateTimeOffset OccurredAt { get; init; } = DateTimeOffset.UtcNow;
}
