using Platform.IntegrationEvents.Populations;
using Platform.Messaging.Inbox;
using Platform.Persistence;
using Platform.Persistence.Sessions;
using Platform.Referrals.Data;

namespace Platform.Referrals.Events;

// The populations service's events, applied once each (inbox) in the event's municipality context. A provider
// may submit referrals only for what these tell: populations, responsibilities; rates need the CBS figures.

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

internal sealed class ResponsibilityAssignedConsumer(Database database) : InboxConsumer<PopulationResponsibilityAssigned>(database)
{
    protected override Task HandleAsync(PopulationResponsibilityAssigned message, DbSession session, CancellationToken ct) =>
        ReadModelStore.UpsertResponsibilityAsync(session, message, ct);
}

internal sealed class CharacteristicsPublishedConsumer(Database database) : InboxConsumer<CharacteristicsPublished>(database)
{
    protected override Task HandleAsync(CharacteristicsPublished message, DbSession session, CancellationToken ct) =>
        ReadModelStore.UpsertFiguresAsync(session, message, ct);
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

        foreach (var r in message.Responsibilities)
        {
            await ReadModelStore.UpsertResponsibilityAsync(
                session, new PopulationResponsibilityAssigned(message.Municipality, r.ResponsibilityId, r.PopulationId, r.ProviderId, r.ValidFrom, r.ValidTo), ct);
        }
    }
}

/// <summary>Regions are no tenant's data: applied as the system.</summary>
internal sealed class RegionDefinedConsumer(Database database) : InboxConsumer<RegionDefined>(database)
{
    protected override Task HandleAsync(RegionDefined message, DbSession session, CancellationToken ct) =>
        ReadModelStore.PutRegionAsync(session, message, ct);
}
