using Platform.Contracts.Data;
using Platform.IntegrationEvents.Populations;
using Platform.Messaging.Inbox;
using Platform.Persistence.Sessions;

namespace Platform.Contracts.Events;

// The populations service's events, applied once each (inbox) in the event's municipality context: a contract's
// scope may name only the populations these tell of.

internal sealed class PopulationDefinedConsumer(Database database) : InboxConsumer<PopulationDefined>(database)
{
    protected override Task HandleAsync(PopulationDefined message, DbSession session, CancellationToken ct) =>
        PopulationReadModel.UpsertAsync(session, message.Population, ct);
}

internal sealed class PopulationChangedConsumer(Database database) : InboxConsumer<PopulationChanged>(database)
{
    protected override Task HandleAsync(PopulationChanged message, DbSession session, CancellationToken ct) =>
        PopulationReadModel.UpsertAsync(session, message.Population, ct);
}

internal sealed class PopulationRetiredConsumer(Database database) : InboxConsumer<PopulationRetired>(database)
{
    protected override Task HandleAsync(PopulationRetired message, DbSession session, CancellationToken ct) =>
        PopulationReadModel.UpsertAsync(session, message.Population, ct);
}

/// <summary>The populations service's whole state of one municipality, sent again for a service that joined later.</summary>
internal sealed class PopulationsResentConsumer(Database database) : InboxConsumer<PopulationsResent>(database)
{
    protected override async Task HandleAsync(PopulationsResent message, DbSession session, CancellationToken ct)
    {
        foreach (var population in message.Populations)
        {
            await PopulationReadModel.UpsertAsync(session, population, ct);
        }
    }
}

/// <summary>Regions are no tenant's data: applied as the system.</summary>
internal sealed class RegionDefinedConsumer(Database database) : InboxConsumer<RegionDefined>(database)
{
    protected override Task HandleAsync(RegionDefined message, DbSession session, CancellationToken ct) =>
        PopulationReadModel.PutRegionAsync(session, message, ct);
}
