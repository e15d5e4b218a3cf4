using Platform.Contracts.Data;
using Platform.Contracts.Domain;
using Platform.Hosting.Results;
using Platform.Persistence.Sessions;
using Platform.Security;

namespace Platform.Contracts.Steering;

/// <summary>The next talk's agenda: the items raised for it and every action still open.</summary>
internal sealed record Agenda(SteeringTalk? NextTalk, IReadOnlyList<AgendaItem> Items, IReadOnlyList<SteeringAction> OpenActions);

internal sealed record TalkPlan(DateOnly? HeldOn);

internal sealed record ItemByHand(string? Title, bool Confidential);

internal sealed record ActionAgreed(string? Description, string? Owner, DateOnly? DueOn);

/// <summary>Planning and holding steering talks, items added by hand, actions agreed and closed.</summary>
internal sealed class SteeringCommands(Database database)
{
    public Task<Result<Agenda>> AgendaAsync(CallerContext caller, Guid contractId, CancellationToken ct) =>
        OnContractAsync(caller, contractId, async (s, _) =>
        {
            var next = await SteeringStore.NextTalkAsync(s, contractId, ct);
            return Result<Agenda>.Done(new Agenda(next, await SteeringStore.ItemsAsync(s, contractId, next?.Id, ct), await SteeringStore.OpenActionsAsync(s, contractId, ct)));
        }, ct);

    public Task<Result<SteeringTalk>> PlanAsync(CallerContext caller, Guid contractId, TalkPlan plan, CancellationToken ct) =>
        OnContractAsync(caller, contractId, async (s, contract) =>
        {
            if (plan.HeldOn is not { } heldOn)
            {
                return Result<SteeringTalk>.Invalid([new FieldViolation("heldOn", "The day of the talk, YYYY-MM-DD.")]);
            }

            if (await s.ScalarAsync<long>("SELECT count(*) FROM steering_talks WHERE contract_id = $1 AND held_on = $2", ct, contractId, heldOn) > 0)
            {
                return Result<SteeringTalk>.InConflict($"A talk is already planned on {heldOn:yyyy-MM-dd}.");
            }

            return Result<SteeringTalk>.Done(await SteeringStore.PlanAsync(s, contractId, contract.Municipality, heldOn, ct));
        }, ct);

    public Task<Result<SteeringTalk>> MarkHeldAsync(CallerContext caller, Guid contractId, Guid talkId, CancellationToken ct) =>
        OnContractAsync(caller, contractId, async (s, _) =>
            await SteeringStore.MarkHeldAsync(s, contractId, talkId, ct)
                ? Result<SteeringTalk>.Done((await s.QueryAsync(
                    "SELECT id, held_on, status FROM steering_talks WHERE id = $1",
                    r => new SteeringTalk(r.GetGuid(0), r.GetFieldValue<DateOnly>(1), r.GetString(2)), ct, talkId)).Single())
                : Result<SteeringTalk>.NotFound(), ct);

    public Task<Result<bool>> AddItemAsync(CallerContext caller, Guid contractId, ItemByHand item, CancellationToken ct) =>
        OnContractAsync(caller, contractId, async (s, contract) =>
        {
            if (string.IsNullOrWhiteSpace(item.Title) || item.Title.Length > 500 || FreeText.ContainsBsnLikeNumber(item.Title))
            {
                return Result<bool>.Invalid([new FieldViolation("title", "Required, at most 500 characters, never a BSN.")]);
            }

            return Result<bool>.Done(await SteeringStore.RaiseAsync(
                s, contractId, contract.Municipality, "by-hand", Guid.CreateVersion7().ToString(), item.Title, null, item.Confidential, ct));
        }, ct);

    public Task<Result<Guid>> AddActionAsync(CallerContext caller, Guid contractId, ActionAgreed action, CancellationToken ct) =>
        OnContractAsync(caller, contractId, async (s, contract) =>
        {
            var violations = new List<FieldViolation>();
            if (string.IsNullOrWhiteSpace(action.Description) || action.Description.Length > 1000 || FreeText.ContainsBsnLikeNumber(action.Description))
            {
                violations.Add(new("description", "Required, at most 1,000 characters, never a BSN."));
            }

            if (string.IsNullOrWhiteSpace(action.Owner) || action.Owner.Length > 200)
            {
                violations.Add(new("owner", "Who carries it out: required, at most 200 characters."));
            }

            if (action.DueOn is null)
            {
                violations.Add(new("dueOn", "The day it is due, YYYY-MM-DD."));
            }

            if (violations.Count > 0)
            {
                return Result<Guid>.Invalid(violations);
            }

            var id = Guid.CreateVersion7();
            await SteeringStore.AddActionAsync(s, id, contractId, contract.Municipality, action.Description!, action.Owner!, action.DueOn!.Value, ct);
            return Result<Guid>.Done(id);
        }, ct);

    public Task<Result<bool>> CloseActionAsync(CallerContext caller, Guid contractId, Guid actionId, CancellationToken ct) =>
        OnContractAsync(caller, contractId, async (s, _) =>
            await SteeringStore.CloseActionAsync(s, contractId, actionId, ct) ? Result<bool>.Done(true) : Result<bool>.NotFound(), ct);

    /// <summary>Runs <paramref name="work"/> on a contract of the caller's municipality; not found otherwise.</summary>
    private Task<Result<T>> OnContractAsync<T>(CallerContext caller, Guid contractId, Func<DbSession, StoredContract, Task<Result<T>>> work, CancellationToken ct) =>
        database.InTransactionAsync(caller, async s =>
            await ContractStore.FindAsync(s, contractId, ct) is { } contract && contract.Municipality == caller.Municipality
                ? await work(s, contract)
                : Result<T>.NotFound(), ct);
}
