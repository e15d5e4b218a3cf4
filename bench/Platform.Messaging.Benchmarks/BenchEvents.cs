using Platform.IntegrationEvents;

namespace Platform.Messaging.Benchmarks;

/// <summary>Published with plain MassTransit: the peer the outbox path is measured against.</summary>
public sealed record PlainEventHappened(int Number) : IntegrationEvent;

/// <summary>Written to the outbox and applied through the inbox.</summary>
public sealed record OutboxEventHappened(int Number) : IntegrationEvent;
