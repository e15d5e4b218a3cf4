using Platform.Budgets.Data;
using Platform.IntegrationEvents.Populations;
using Platform.Messaging.Inbox;
using Platform.Persistence;
using Platform.Persistence.Sessions;

namespace Platform.Budgets.Events;

// The populations service's events, applied once each (inbox) in the event's municipality context: the
// populations a scenario divides a pool over, and the characteristics it divides by.

internal sealed class PopulationDefinedConsumer(Database database) : InboxConsumer<PopulationDefined>(database)
{
    protected override Task HandleAsync(PopulationDefined message, DbSession session, CancellationToken ct) =>
        ReadModelStore.UpsertPopulationAsync(session, message.Population, ct);
}

internal sealed class PopulationChangedConsumer(Database database) : InboxConsumer<PopulationChanged>(database)
{
    protected override Task HandleAsync(PopulationChanged message, DbSession session, CancellationToken ct) =>
        ReadModelStore.UpsertPopulationAsync(session, message.Population, ct);
}

internal sealed class PopulationRetiredConsumer(Database database) : InboxConsumer<PopulationRetired>(database)
{
    protected override Task HandleAsync(PopulationRetired message, DbSession session, CancellationToken ct) =>
        ReadModelStore.UpsertPopulationAsync(session, message.Population, ct);
}

internal sealed class CharacteristicsPublishedConsumer(Database database) : InboxConsumer<CharacteristicsPublished>(database)
{
    protected override Task HandleAsync(CharacteristicsPublished message, DbSession session, CancellationToken ct) =>
        ReadModelStore.UpsertCharacteristicsAsync(session, message, ct);
}

/// <summary>The populations service's whole state of one municipality, sent again for a service that joined later.</summary>
internal sealed class PopulationsResentConsumer(Database database) : InboxConsumer<PopulationsResent>(database)
{
    protected override async Task HandleAsync(PopulationsResent message, DbSession session, CancellationToken ct)
    {
        foreach (var population in message.Populations)
        {
            await ReadModelStore.UpsertPopulationAsync(session, population, ct);
        }
    }
}
