using Platform.Hosting.Results;
using Platform.IntegrationEvents.Populations;
using Platform.Messaging.Outbox;
using Platform.Persistence;
using Platform.Persistence.Sessions;
using Platform.Populations.Analysis;
using Platform.Populations.Data;
using Platform.Populations.Domain;
using Platform.Populations.Events;
using Platform.Security;

namespace Platform.Populations.Definitions;

/// <summary>
/// Defining, changing, activating and retiring populations. Each command is one transaction: the
/// change, its history record (by trigger), its event in the outbox and, when the set of active
/// populations changed, the refreshed overlap and gap analysis.
/// </summary>
internal sealed class PopulationCommands(Database database, Outbox outbox, AnalysisRefresh analysis)
{
    public Task<Result<StoredPopulation>> DefineAsync(CallerContext caller, PopulationChange change, CancellationToken ct) =>
        database.InTransactionAsync(caller, async session =>
        {
            var municipality = caller.Municipality!;
            var (valid, errors) = await ValidateAsync(session, change, municipality, ct);
            if (valid is null)
            {
                return Result<StoredPopulation>.Invalid(errors);
            }

            var population = new PopulationDefinition(
                Guid.CreateVersion7(), municipality, valid.Name, valid.Areas, valid.TargetGroup, valid.Validity, PopulationStatus.Draft);
            var stored = await PopulationStore.InsertAsync(session, population, ct);
            await outbox.AddAsync(session, new PopulationDefined(municipality, PopulationEvents.Snapshot(population, stored.Version)), ct);
            return Result<StoredPopulation>.Done(stored);
        }, ct);

    public Task<Result<StoredPopulation>> ChangeAsync(CallerContext caller, Guid id, PopulationChange change, CancellationToken ct) =>
        database.InTransactionAsync(caller, async session =>
        {
            var current = await PopulationStore.FindAsync(session, id, ct, forUpdate: true);
            if (current is null || current.Definition.Municipality != caller.Municipality)
            {
                return Result<StoredPopulation>.NotFound();
            }

            if (Stale(current, change.ExpectedVersion) is { } stale)
            {
                return stale;
            }

            if (current.Definition.Status == PopulationStatus.Retired)
            {
                return Result<StoredPopulation>.InConflict("A retired population cannot change; define a new one.");
            }

            var (valid, errors) = await ValidateAsync(session, change, current.Definition.Municipality, ct);
            if (valid is null)
            {
                return Result<StoredPopulation>.Invalid(errors);
            }

            var changed = current.Definition with
            {
                Name = valid.Name, Areas = valid.Areas, TargetGroup = valid.TargetGroup, Validity = valid.Validity,
            };
            return await SaveAsync(session, current, changed, ct);
        }, ct);

    public Task<Result<StoredPopulation>> ActivateAsync(CallerContext caller, Guid id, int? expectedVersion, CancellationToken ct) =>
        MoveAsync(caller, id, expectedVersion, PopulationStatus.Active, [PopulationStatus.Draft], ct);

    public Task<Result<StoredPopulation>> RetireAsync(CallerContext caller, Guid id, int? expectedVersion, CancellationToken ct) =>
        MoveAsync(caller, id, expectedVersion, PopulationStatus.Retired, [PopulationStatus.Draft, PopulationStatus.Active], ct);

    private Task<Result<StoredPopulation>> MoveAsync(
        CallerContext caller, Guid id, int? expectedVersion, PopulationStatus target, PopulationStatus[] from, CancellationToken ct) =>
        database.InTransactionAsync(caller, async session =>
        {
            var current = await PopulationStore.FindAsync(session, id, ct, forUpdate: true);
            if (current is null || current.Definition.Municipality != caller.Municipality)
            {
                return Result<StoredPopulation>.NotFound();
            }

            if (Stale(current, expectedVersion) is { } stale)
            {
                return stale;
            }

            if (!from.Contains(current.Definition.Status))
            {
                return Result<StoredPopulation>.InConflict(
                    $"A population that is {current.Definition.Status.ToString().ToLowerInvariant()} cannot become {target.ToString().ToLowerInvariant()}.");
            }

            return await SaveAsync(session, current, current.Definition with { Status = target }, ct);
        }, ct);

    private async Task<Result<StoredPopulation>> SaveAsync(DbSession session, StoredPopulation current, PopulationDefinition changed, CancellationToken ct)
    {
        var stored = await PopulationStore.UpdateAsync(session, changed, ct);
        var snapshot = PopulationEvents.Snapshot(changed, stored.Version);
        IntegrationEvents.IntegrationEvent @event = changed.Status == PopulationStatus.Retired
            ? new PopulationRetired(changed.Municipality, snapshot)
            : new PopulationChanged(changed.Municipality, snapshot, ChangedFields(current.Definition, changed));
        await outbox.AddAsync(session, @event, ct);

        if (current.Definition.Status == PopulationStatus.Active || changed.Status == PopulationStatus.Active)
        {
            await analysis.RefreshAsync(session, changed.Municipality, ct);
        }

        return Result<StoredPopulation>.Done(stored);
    }

    private static async Task<(ValidPopulation? Valid, IDictionary<string, string[]> Errors)> ValidateAsync(DbSession session, PopulationChange change, string municipality, CancellationToken ct)
    {
        var errors = PopulationValidation.Validate(change, municipality, out var valid);
        if (valid is not null)
        {
            var unknown = await PopulationStore.UnknownAreasAsync(session, valid.Areas, ct);
            if (unknown.Count > 0)
            {
                errors["areas"] = [$"Unknown areas (import the CBS areas first): {string.Join(", ", unknown)}."];
                valid = null;
            }
        }

        return (valid, errors);
    }

    private static Result<StoredPopulation>? Stale(StoredPopulation current, int? expectedVersion) =>
        expectedVersion is { } expected && expected != current.Version
            ? Result<StoredPopulation>.InConflict(
                $"The population is at version {current.Version}, not {expected}: someone changed it in the meantime. Reload and try again.")
            : null;

    private static List<string> ChangedFields(PopulationDefinition before, PopulationDefinition after)
    {
        var fields = new List<string>();
        void Compare(string field, bool same)
        {
            if (!same)
            {
                fields.Add(field);
            }
        }

        Compare("name", before.Name == after.Name);
        Compare("status", before.Status == after.Status);
        Compare("areas", before.Areas.SequenceEqual(after.Areas));
        Compare("ages", before.TargetGroup.Ages == after.TargetGroup.Ages);
        Compare("laws", before.TargetGroup.Laws.SetEquals(after.TargetGroup.Laws));
        Compare("careForms", before.TargetGroup.CareForms.SetEquals(after.TargetGroup.CareForms));
        Compare("diagnosisGroup", before.TargetGroup.DiagnosisGroup == after.TargetGroup.DiagnosisGroup);
        Compare("validity", before.Validity == after.Validity);
        return fields;
    }
}
