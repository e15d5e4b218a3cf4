using System.Text.Json;
using Platform.Contracts.Data;
using Platform.Contracts.Domain;
using Platform.Contracts.Events;
using Platform.Hosting.Results;
using Platform.IntegrationEvents.Contracts;
using Platform.Messaging.Outbox;
using Platform.Persistence.Sessions;
using Platform.Security;

namespace Platform.Contracts.Contracts;

/// <summary>One change of a contract: who, when, and the row before and after.</summary>
internal sealed record ContractChange(int Version, string Operation, string ChangedBy, DateTimeOffset ChangedAt, JsonElement? Before, JsonElement After);

/// <summary>Drafting, reading and extending contracts; every write raises the version and leaves history.</summary>
internal sealed class ContractCommands(Database database, Outbox outbox)
{
    public Task<Result<StoredContract>> CreateAsync(CallerContext caller, ContractTerms terms, CancellationToken ct) =>
        database.InTransactionAsync(caller, async s =>
        {
            var t = terms.Normalised();
            if (await InvalidAsync(s, t, ct) is { } invalid)
            {
                return invalid;
            }

            var id = Guid.CreateVersion7();
            await ContractStore.InsertAsync(s, id, caller.Municipality!, t, ct);
            return Result<StoredContract>.Done((await ContractStore.FindAsync(s, id, ct))!);
        }, ct);

    /// <summary>Replaces a draft's terms; an active contract changes only by an approved amendment.</summary>
    public Task<Result<StoredContract>> ChangeDraftAsync(CallerContext caller, Guid id, ContractTerms terms, CancellationToken ct) =>
        database.InTransactionAsync(caller, async s =>
        {
            var current = await ContractStore.FindAsync(s, id, ct, forUpdate: true);
            if (current is null || current.Municipality != caller.Municipality)
            {
                return Result<StoredContract>.NotFound();
            }

            if (current.Status != ContractStatus.Draft)
            {
                return Result<StoredContract>.InConflict($"The contract is {current.Status}: it changes only by an approved amendment.");
            }

            var t = terms.Normalised();
            if (await InvalidAsync(s, t, ct) is { } invalid)
            {
                return invalid;
            }

            if (current.ExtensionsUsed > t.ExtensionOptions)
            {
                return Result<StoredContract>.Invalid([new FieldViolation("extensionOptions", "Fewer than the extensions already taken.")]);
            }

            await ContractStore.UpdateTermsAsync(s, id, t, ct);
            return Result<StoredContract>.Done((await ContractStore.FindAsync(s, id, ct))!);
        }, ct);

    public Task<List<StoredContract>> ListAsync(CallerContext caller, CancellationToken ct) =>
        database.InTransactionAsync(caller, s => ContractStore.ListAsync(s, ct), ct);

    public Task<StoredContract?> GetAsync(CallerContext caller, Guid id, CancellationToken ct) =>
        database.InTransactionAsync(caller, async s =>
            await ContractStore.FindAsync(s, id, ct) is { } c && c.Municipality == caller.Municipality ? c : null, ct);

    /// <summary>
    /// Uses one extension option. Refused past the options and for an ended contract; an active contract's longer
    /// responsibility must not overlap another's, and the other services hear of the new end.
    /// </summary>
    public Task<Result<StoredContract>> ExtendAsync(CallerContext caller, Guid id, CancellationToken ct) =>
        database.InTransactionAsync(caller, async s =>
        {
            var current = await ContractStore.FindAsync(s, id, ct, forUpdate: true);
            if (current is null || current.Municipality != caller.Municipality)
            {
                return Result<StoredContract>.NotFound();
            }

            if (current.ExtensionsUsed >= current.Terms.ExtensionOptions)
            {
                return Result<StoredContract>.Invalid(
                    [new FieldViolation("extensionOptions", "Every extension option has been used; the contract cannot be extended further.")]);
            }

            if (current.Status == ContractStatus.Ended)
            {
                return Result<StoredContract>.InConflict("The contract has ended; it cannot be extended.");
            }

            await ContractStore.ExtendAsync(s, id, ct);
            var extended = (await ContractStore.FindAsync(s, id, ct))!;
            if (extended.Status == ContractStatus.Active)
            {
                if (await ResponsibilityStore.FindConflictAsync(s, id, extended.Terms.Populations, current.Terms.End.AddDays(1), extended.LastDay, ct) is { } conflict)
                {
                    return Conflicts.Of<StoredContract>(conflict);
                }

                await ResponsibilityStore.ReplaceAsync(s, extended, ct);
                await outbox.AddAsync(s, new ContractAmended(extended.Municipality, ContractEvents.Snapshot(extended), ["endsOn"]), ct);
            }

            return Result<StoredContract>.Done(extended);
        }, ct);

    public Task<List<ContractChange>> HistoryAsync(CallerContext caller, Guid id, CancellationToken ct) =>
        database.InTransactionAsync(caller, s => s.QueryAsync(
            "SELECT version, operation, changed_by, changed_at, before::text, after::text FROM contract_history WHERE contract_id = $1 ORDER BY id",
            r => new ContractChange(
                r.GetInt32(0), r.GetString(1), r.GetString(2), r.GetFieldValue<DateTimeOffset>(3),
                r.IsDBNull(4) ? null : JsonDocument.Parse(r.GetString(4)).RootElement.Clone(),
                JsonDocument.Parse(r.GetString(5)).RootElement.Clone()), ct, id), ct);

    private static async Task<Result<StoredContract>?> InvalidAsync(DbSession s, ContractTerms t, CancellationToken ct)
    {
        var violations = ContractRules.Validate(t).Concat(await ScopeCheck.ViolationsAsync(s, t, ct)).ToList();
        return violations.Count > 0 ? Result<StoredContract>.Invalid(violations) : null;
    }
}
