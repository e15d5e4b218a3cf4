using Platform.IntegrationEvents.Populations;
using Platform.Messaging.Outbox;
using Platform.Persistence;
using Platform.Persistence.Sessions;
using Platform.Populations.Data;
using Platform.Populations.Domain;
using Platform.Populations.Events;
using Platform.Security;

namespace Platform.Populations.Resend;

/// <summary>What a resend put in the outbox.</summary>
public sealed record ResendReport(int Regions, int Municipalities, int Populations, int Responsibilities, int FigureSets);

/// <summary>
/// Sends the service's current state again, for a service that joined later (RabbitMQ delivers an event only to the
/// queues that existed when it was published) or restored an old copy: every region, per municipality its
/// populations with their responsibilities in one event, and its CBS figures per reference date. Consumers apply
/// them like the originals, so a resend to a service that has everything changes nothing there.
/// </summary>
internal sealed class StateResend(Database database, Outbox outbox)
{
    private const string Process = "state-resend";

    public async Task<ResendReport> ResendAsync(IReadOnlyList<string>? municipalities, CancellationToken ct)
    {
        var admin = new CallerContext(null, $"system:{Process}", ["platform-admin"]);
        var (regions, known) = await database.InTransactionAsync(admin, async s =>
        {
            var all = await RegionStore.ListAsync(s, ct);
            foreach (var region in all)
            {
                await outbox.AddAsync(s, new RegionDefined(region.Code, region.Name, region.Municipalities), ct);
            }

            return (all.Count, await AreaStore.MunicipalitiesAsync(s, ct));
        }, ct);

        int populations = 0, responsibilities = 0, figureSets = 0;
        var selected = municipalities is null ? known : [.. known.Intersect(municipalities, StringComparer.Ordinal)];
        foreach (var municipality in selected)
        {
            await database.InTransactionAsync(CallerContext.SystemFor(municipality, Process), async s =>
            {
                var stored = await PopulationStore.ListAsync(s, municipality, null, ct);
                var assigned = await ResponsibilityStore.ForMunicipalityAsync(s, municipality, ct);
                await outbox.AddAsync(s, new PopulationsResent(
                    municipality,
                    [.. stored.Select(p => PopulationEvents.Snapshot(p.Definition, p.Version))],
                    [.. assigned.Select(r => new ResponsibilitySnapshot(r.Id, r.PopulationId, r.ProviderId, r.ValidFrom, r.ValidTo))]), ct);
                foreach (var published in await FiguresStore.PublicationsAsync(s, municipality, ct))
                {
                    await outbox.AddAsync(s, published, ct);
                    figureSets++;
                }

                populations += stored.Count;
                responsibilities += assigned.Count;
            }, ct);
        }

        return new ResendReport(regions, selected.Count, populations, responsibilities, figureSets);
    }
}
