using Platform.Contracts.Contracts;
using Platform.Contracts.Data;
using Platform.Contracts.Domain;
using Platform.Contracts.Events;
using Platform.Hosting.Results;
using Platform.IntegrationEvents.Contracts;
using Platform.Messaging.Outbox;
using Platform.Persistence.Sessions;
using Platform.Security;

namespace Platform.Contracts.Amendments;

/// <summary>An amendment as proposed: the terms of the contract's next version, and why.</summary>
internal sealed record AmendmentProposal(string Reason, ContractTerms Terms);

/// <summary>
/// Amendments ("addenda") of an active contract: a contract manager proposes the next version's terms; a second
/// person (another contract manager or a controller, never the proposer) approves or rejects them. Approval writes
/// the new version, its responsibilities and <c>ContractAmended</c> in one transaction.
/// </summary>
internal sealed class AmendmentCommands(Database database, Outbox outbox)
{
    public Task<Result<Amendment>> ProposeAsync(CallerContext caller, Guid contractId, AmendmentProposal proposal, CancellationToken ct) =>
        database.InTransactionAsync(caller, async s =>
        {
            var contract = await ContractStore.FindAsync(s, contractId, ct);
            if (contract is null || contract.Municipality != caller.Municipality)
            {
                return Result<Amendment>.NotFound();
            }

            if (contract.Status != ContractStatus.Active)
            {
                return Result<Amendment>.InConflict($"The contract is {contract.Status}; only an active contract is amended (a draft is changed directly).");
            }

            var terms = (proposal.Terms ?? contract.Terms).Normalised();
            var violations = Violations(contract, proposal.Reason, terms).Concat(await ScopeCheck.ViolationsAsync(s, terms, ct)).ToList();
            if (violations.Count > 0)
            {
                return Result<Amendment>.Invalid(violations);
            }

            var id = Guid.CreateVersion7();
            await AmendmentStore.InsertAsync(s, id, contract, proposal.Reason, terms, ct);
            return Result<Amendment>.Done((await AmendmentStore.FindAsync(s, contractId, id, ct))!);
        }, ct);

    public Task<Result<Amendment>> ApproveAsync(CallerContext caller, Guid contractId, Guid amendmentId, CancellationToken ct) =>
        DecideAsync(caller, contractId, amendmentId, approve: true, ct);

    public Task<Result<Amendment>> RejectAsync(CallerContext caller, Guid contractId, Guid amendmentId, CancellationToken ct) =>
        DecideAsync(caller, contractId, amendmentId, approve: false, ct);

    public Task<List<Amendment>> ListAsync(CallerContext caller, Guid contractId, CancellationToken ct) =>
        database.InTransactionAsync(caller, s => AmendmentStore.ListAsync(s, contractId, ct), ct);

    private Task<Result<Amendment>> DecideAsync(CallerContext caller, Guid contractId, Guid amendmentId, bool approve, CancellationToken ct) =>
        database.InTransactionAsync(caller, async s =>
        {
            await s.ExecuteAsync("SELECT pg_advisory_xact_lock(hashtext('contracts:responsibility:' || $1))", ct, caller.Municipality);
            var contract = await ContractStore.FindAsync(s, contractId, ct, forUpdate: true);
            var amendment = await AmendmentStore.FindAsync(s, contractId, amendmentId, ct);
            if (contract is null || amendment is null || contract.Municipality != caller.Municipality)
            {
                return Result<Amendment>.NotFound();
            }

            if (amendment.Status != "proposed")
            {
                return Result<Amendment>.InConflict($"The amendment is already {amendment.Status}.");
            }

            if (amendment.ProposedBy == caller.Subject)
            {
                return Result<Amendment>.InConflict("Four eyes: a second person decides on an amendment, never the one who proposed it.");
            }

            if (approve && await ApplyAsync(s, contract, amendment, ct) is { } refused)
            {
                return refused;
            }

            await AmendmentStore.DecideAsync(s, amendmentId, approve ? "approved" : "rejected", caller.Subject, ct);
            return Result<Amendment>.Done((await AmendmentStore.FindAsync(s, contractId, amendmentId, ct))!);
        }, ct);

    private async Task<Result<Amendment>?> ApplyAsync(DbSession s, StoredContract contract, Amendment amendment, CancellationToken ct)
    {
        if (contract.Status != ContractStatus.Active)
        {
            return Result<Amendment>.InConflict($"The contract is {contract.Status}; the amendment can no longer apply.");
        }

        if (contract.Version != amendment.BasedOnVersion)
        {
            return Result<Amendment>.InConflict(
                $"The contract changed since the amendment was proposed (version {amendment.BasedOnVersion}, now {contract.Version}); propose it again.");
        }

        var terms = amendment.Terms;
        var after = contract with { Terms = terms };
        if (await ResponsibilityStore.FindConflictAsync(s, contract.Id, terms.Populations, terms.Start, after.LastDay, ct) is { } conflict)
        {
            return Conflicts.Of<Amendment>(conflict);
        }

        if (await ScopeCheck.InactivePopulationAsync(s, terms, ct) is { } inactive)
        {
            return Result<Amendment>.InConflict(inactive);
        }

        await ContractStore.UpdateTermsAsync(s, contract.Id, terms, ct);
        var amended = (await ContractStore.FindAsync(s, contract.Id, ct))!;
        await ResponsibilityStore.ReplaceAsync(s, amended, ct);
        await outbox.AddAsync(s, new ContractAmended(amended.Municipality, ContractEvents.Snapshot(amended), TermChanges.Between(contract.Terms, terms)), ct);
        return null;
    }

    private static IEnumerable<FieldViolation> Violations(StoredContract contract, string? reason, ContractTerms terms)
    {
        if (string.IsNullOrWhiteSpace(reason) || reason.Length > 2000 || FreeText.ContainsBsnLikeNumber(reason))
        {
            yield return new("reason", "Why the contract changes: required, at most 2,000 characters, never a BSN.");
        }

        foreach (var violation in ContractRules.Validate(terms))
        {
            yield return violation with { Field = $"terms.{violation.Field}" };
        }

        if (terms.LegalForm != contract.Terms.LegalForm)
        {
            yield return new("terms.legalForm", "An amendment keeps the legal form; a new form is a new contract.");
        }

        if (terms.ContractingProviderId != contract.Terms.ContractingProviderId)
        {
            yield return new("terms.parties", "An amendment keeps the contracting party; another party is a new contract.");
        }

        if (terms.Start != contract.Terms.Start)
        {
            yield return new("terms.start", "An amendment keeps the start of the term.");
        }

        if (terms.End > contract.Terms.End)
        {
            yield return new("terms.end", "An amendment does not lengthen the term: an extension uses one of the contract's options.");
        }

        if (terms.ExtensionOptions < contract.ExtensionsUsed)
        {
            yield return new("terms.extensionOptions", "Fewer than the extensions already taken.");
        }
    }
}
