using Platform.Messaging.Inbox;
using Platform.Persistence.Sessions;

namespace Platform.Messaging.Tests;

/// <summary>Records each applied event; fails on purpose while its scope is marked broken.</summary>
public sealed class ThingHappenedConsumer(Database database, TestScope scope) : InboxConsumer<ThingHappened>(database)
{
    protected override async Task HandleAsync(ThingHappened message, DbSession session, CancellationToken ct)
    {
        if (message.Scope != scope.Name)
        {
            return;
        }

        if (scope.Broken)
        {
            throw new InvalidOperationException($"Handler is broken for {message.Name}");
        }

        await session.ExecuteAsync("INSERT INTO applied (event_id, name) VALUES ($1, $2)", ct, message.EventId, message.Name);
    }
}

public sealed class TestScope(string name)
{
    public string Name { get; } = name;

    private volatile bool _broken;

    public bool Broken
    {
        get => _broken;
        set => _broken = value;
    }
}
