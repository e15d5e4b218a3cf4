using Platform.Contracts.Contracts;
using Platform.Contracts.Data;
using Platform.Contracts.Domain;
using Platform.Contracts.Events;
using Platform.Hosting.Results;
using Platform.IntegrationEvents.Contracts;
using Platform.Messaging.Outbox;
using Platform.Persistence.Sessions;
using Platform.Security;

namespace Platform.Contracts.Lifecycle;

/// <summary>How an active contract ends: on which day, and why (<c>term-expired</c> or <c>terminated</c>).</summary>
internal sealed record ContractEnding(DateOnly? EndedOn, string? Reason);

/// <summary>
/// Draft → active → ended. Each step is one transaction: the status, the responsibilities it creates or shortens,
/// and the event in the outbox.
/// </summary>
internal sealed class ContractLifecycle(Database database, Outbox outbox)
{
    public Task<Result<StoredContract>> ActivateAsync(CallerContext caller, Guid id, CancellationToken ct) =>
        database.InTransactionAsync(caller, async s =>
        {
            // Activations of one municipality take turns, so two drafts naming the same population cannot both pass
            // the check below; the responsibilities' exclusion constraint stands behind it.
            await s.ExecuteAsync("SELECT pg_advisory_xact_lock(hashtext('contracts:responsibility:' || $1))", ct, caller.Municipality);
            var current = await ContractStore.FindAsync(s, id, ct, forUpdate: true);
            if (current is null || current.Municipality != caller.Municipality)
            {
                return Result<StoredContract>.NotFound();
            }

            if (current.Status != ContractStatus.Draft)
            {
                return Result<StoredContract>.InConflict($"The contract is {current.Status}; only a draft comes into force.");
            }

            if (current.Terms.Populations.Count == 0)
            {
                return Result<StoredContract>.InConflict("The contract names no population; it would answer for no one.");
            }

            if (await ScopeCheck.InactivePopulationAsync(s, current.Terms, ct) is { } inactive)
            {
                return Result<StoredContract>.InConflict(inactive);
            }

            if (await ResponsibilityStore.FindConflictAsync(s, id, current.Terms.Populations, current.Terms.Start, current.LastDay, ct) is { } conflict)
            {
                return Conflicts.Of<StoredContract>(conflict);
            }

            await ContractStore.SetStatusAsync(s, id, ContractStatus.Active, null, null, ct);
            var active = (await ContractStore.FindAsync(s, id, ct))!;
            await ResponsibilityStore.ReplaceAsync(s, active, ct);
            await outbox.AddAsync(s, new ContractActivated(active.Municipality, ContractEvents.Snapshot(active)), ct);
            return Result<StoredContract>.Done(active);
        }, ct);

    public Task<Result<StoredContract>> EndAsync(CallerContext caller, Guid id, ContractEnding ending, CancellationToken ct) =>
        database.InTransactionAsync(caller, async s =>
        {
            var current = await ContractStore.FindAsync(s, id, ct, forUpdate: true);
            if (current is null || current.Municipality != caller.Municipality)
            {
                return Result<StoredContract>.NotFound();
            }

            if (Violations(current, ending) is { Count: > 0 } violations)
            {
                return Result<StoredContract>.Invalid(violations);
            }

            if (current.Status != ContractStatus.Active)
            {
                return Result<StoredContract>.InConflict($"The contract is {current.Status}; only an active contract ends.");
            }

            await ContractStore.SetStatusAsync(s, id, ContractStatus.Ended, ending.EndedOn, ending.Reason, ct);
            var ended = (await ContractStore.FindAsync(s, id, ct))!;
            await ResponsibilityStore.ReplaceAsync(s, ended, ct);
            await outbox.AddAsync(s, new ContractEnded(ended.Municipality, ContractEvents.Snapshot(ended), ending.EndedOn!.Value, ending.Reason!), ct);
            return Result<StoredContract>.Done(ended);
        }, ct);

    private static List<FieldViolation> Violations(StoredContract c, ContractEnding ending)
    {
        var violations = new List<FieldViolation>();
        if (ending.Reason is null || !Vocabulary.EndReasons.Contains(ending.Reason))
        {
            violations.Add(new("reason", Vocabulary.OneOf(Vocabulary.EndReasons)));
        }

        if (ending.EndedOn is not { } on || on < c.Terms.Start || on > c.Terms.End)
        {
            violations.Add(new("endedOn", $"A day within the term, {c.Terms.Start:yyyy-MM-dd} to {c.Terms.End:yyyy-MM-dd}."));
        }
        else if (ending.Reason == "term-expired" && on != c.Terms.End)
        {
            violations.Add(new("endedOn", $"A term expires on its last day, {c.Terms.End:yyyy-MM-dd}; an earlier end is a termination."));
        }

        return violations;
    }
}
