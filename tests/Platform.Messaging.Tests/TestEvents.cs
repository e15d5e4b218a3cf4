using Platform.IntegrationEvents;

namespace Platform.Messaging.Tests;

/// <summary>
/// The broker is shared by tests running in parallel, and MassTransit binds every queue consuming a
/// type to that type's exchange; <see cref="Scope"/> lets each test's service ignore the others' events.
/// </summary>
public sealed record ThingHappened(string Scope, string Name) : IntegrationEvent;
