using Platform.Budgets.Data;
using Platform.Budgets.Domain;
using Platform.Hosting.Results;
using Platform.IntegrationEvents.Budgets;
using Platform.Messaging.Outbox;
using Platform.Persistence.Sessions;
using Platform.Security;

namespace Platform.Budgets.Budgets;

/// <summary>
/// A proposed budget version for a contract and year, from a scenario's version (its newest when none is named),
/// indexed by the contract's clause, with the share held back until results are shown.
/// </summary>
internal sealed record BudgetProposal(
    Guid? ContractId, int? Year, Guid? ScenarioId, int? ScenarioVersion, decimal? HoldbackShare, IndexationClause? Indexation, string? Reason);

/// <summary>A decision on a proposed version, and why.</summary>
internal sealed record BudgetDecision(string? Reason);

/// <summary>
/// Budgets as approved versions: anyone who prepares proposes, and another person adopts ("four eyes"). Adoption
/// tells the other services through the outbox, in the adopting transaction.
/// </summary>
internal sealed class BudgetCommands(Database database, Outbox outbox)
{
    public async Task<Result<BudgetView>> ProposeAsync(CallerContext caller, BudgetProposal proposal, CancellationToken ct)
    {
        var errors = Validate(proposal);
        if (errors.Count > 0)
        {
            return Result<BudgetView>.Invalid(errors);
        }

        await using var session = await database.BeginAsync(caller, ct);
        var contract = await ReadModelStore.ContractAsync(session, proposal.ContractId!.Value, ct);
        if (contract is null || contract.Status != "active" || proposal.Year < contract.StartsOn.Year || proposal.Year > contract.EndsOn.Year)
        {
            return Result<BudgetView>.Invalid(new Dictionary<string, string[]>
            {
                ["contractId"] = ["An active contract of this municipality whose term includes the year."],
            });
        }

        if (await ScenarioStore.GetAsync(session, proposal.ScenarioId!.Value, proposal.ScenarioVersion, ct) is not { } scenario)
        {
            return Result<BudgetView>.Invalid(new Dictionary<string, string[]> { ["scenarioId"] = ["A scenario (and version) of this municipality."] });
        }

        var indexation = proposal.Indexation ?? IndexationClause.Fixed;
        var (figures, blocked) = BudgetAmount.From([.. scenario.Lines.Select(l => new ScenarioLine(l.PopulationId, l.Amount))], contract.PopulationIds, indexation);
        if (figures is null)
        {
            return Result<BudgetView>.Invalid(new Dictionary<string, string[]> { ["budget"] = [.. blocked] });
        }

        var (id, version) = await BudgetStore.LockOrCreateAsync(session, caller.Municipality!, contract.Id, proposal.Year!.Value, ct);
        await BudgetStore.InsertVersionAsync(
            session, id, version, caller.Municipality!, scenario.Id, scenario.Version, figures, indexation, proposal.HoldbackShare!.Value, proposal.Reason!.Trim(), ct);
        var view = await BudgetStore.GetAsync(session, id, ct);
        await session.CommitAsync(ct);
        return Result<BudgetView>.Done(view!);
    }

    public async Task<Result<BudgetView>> AdoptAsync(CallerContext caller, Guid id, int version, BudgetDecision decision, CancellationToken ct)
    {
        var reason = decision.Reason?.Trim();
        if (string.IsNullOrEmpty(reason) || reason.Length > 2000)
        {
            return Result<BudgetView>.Invalid(new Dictionary<string, string[]> { ["reason"] = ["Why it is adopted: 1 to 2000 characters."] });
        }

        await using var session = await database.BeginAsync(caller, ct);
        if (!await BudgetStore.LockAsync(session, id, ct) || await BudgetStore.GetAsync(session, id, ct) is not { } budget
            || budget.Versions.FirstOrDefault(v => v.Version == version) is not { } proposed)
        {
            return Result<BudgetView>.NotFound();
        }

        if (proposed.Status != BudgetStatus.Proposed)
        {
            return Result<BudgetView>.InConflict($"Version {version} is {proposed.Status}; only a proposed version can be adopted.");
        }

        if (proposed.ProposedBy == caller.Subject)
        {
            return Result<BudgetView>.InConflict("Four eyes: a budget version is adopted by another person than the one who proposed it.");
        }

        await BudgetStore.AdoptAsync(session, id, version, reason, ct);
        await outbox.AddAsync(session, new BudgetAdopted(
            caller.Municipality!, id, budget.ContractId, budget.Year, proposed.Amount, proposed.HoldbackAmount, version, proposed.PerPopulation), ct);
        var adopted = await BudgetStore.GetAsync(session, id, ct);
        await session.CommitAsync(ct);
        return Result<BudgetView>.Done(adopted!);
    }

    private static Dictionary<string, string[]> Validate(BudgetProposal proposal)
    {
        var errors = new Dictionary<string, string[]>();
        if (proposal.ContractId is null)
        {
            errors["contractId"] = ["The contract the budget funds."];
        }

        if (proposal.Year is not (>= 2000 and <= 2100))
        {
            errors["year"] = ["The budget year."];
        }

        if (proposal.ScenarioId is null)
        {
            errors["scenarioId"] = ["The scenario the budget is taken from."];
        }

        if (proposal.HoldbackShare is not { } share || share < 0 || share >= 1 || share != decimal.Round(share, 4))
        {
            errors["holdbackShare"] = ["The share held back until results are shown, in [0, 1) with at most four decimals, e.g. 0.05."];
        }

        if (string.IsNullOrWhiteSpace(proposal.Reason) || proposal.Reason.Length > 2000)
        {
            errors["reason"] = ["Why this budget: 1 to 2000 characters."];
        }

        return errors;
    }
}
