using Platform.Contracts.Data;
using Platform.Contracts.Domain;
using Platform.Hosting.Results;
using Platform.Persistence.Sessions;
using Platform.Security;

namespace Platform.Contracts.Steering;

/// <summary>A talk with what it discussed and recorded, and the actions open now.</summary>
internal sealed record TalkRecord(
    SteeringTalk Talk, IReadOnlyList<AgendaItem> Items, TalkNarrative? Narrative, IReadOnlyList<TalkDecision> Decisions, IReadOnlyList<SteeringAction> OpenActions);

internal sealed record NarrativeTold(string? ProviderAccount, string? MunicipalityAccount);

internal sealed record DecisionTaken(string? Text, Guid? AgendaItemId);

/// <summary>The record of a held talk: its narrative ("tellen én vertellen") and its decisions.</summary>
internal sealed class TalkRecordCommands(Database database)
{
    public const int MaxAccountLength = 4000;
    public const int MaxDecisionLength = 2000;

    public Task<Result<List<SteeringTalk>>> TalksAsync(CallerContext caller, Guid contractId, CancellationToken ct) =>
        database.InTransactionAsync(caller, async s =>
            await OwnContractAsync(s, caller, contractId, ct) is null
                ? Result<List<SteeringTalk>>.NotFound()
                : Result<List<SteeringTalk>>.Done(await TalkRecordStore.TalksAsync(s, contractId, ct)), ct);

    public Task<Result<TalkRecord>> TalkAsync(CallerContext caller, Guid contractId, Guid talkId, CancellationToken ct) =>
        OnTalkAsync(caller, contractId, talkId, async (s, _, talk) => Result<TalkRecord>.Done(await RecordAsync(s, contractId, talk, ct)), ct);

    public Task<Result<List<TalkChange>>> HistoryAsync(CallerContext caller, Guid contractId, Guid talkId, CancellationToken ct) =>
        OnTalkAsync(caller, contractId, talkId, async (s, _, talk) => Result<List<TalkChange>>.Done(await TalkRecordStore.HistoryAsync(s, talk.Id, ct)), ct);

    public Task<Result<TalkRecord>> TellAsync(CallerContext caller, Guid contractId, Guid talkId, NarrativeTold told, CancellationToken ct) =>
        OnHeldTalkAsync(caller, contractId, talkId, async (s, contract, talk) =>
        {
            var violations = new List<FieldViolation>();
            CheckAccount(told.ProviderAccount, "providerAccount", "The provider's account", violations);
            CheckAccount(told.MunicipalityAccount, "municipalityAccount", "The municipality's account", violations);
            if (string.IsNullOrWhiteSpace(told.ProviderAccount) && string.IsNullOrWhiteSpace(told.MunicipalityAccount))
            {
                violations.Add(new("providerAccount", "Tell at least one account: the provider's or the municipality's."));
            }

            if (violations.Count > 0)
            {
                return Result<TalkRecord>.Invalid(violations);
            }

            await TalkRecordStore.SaveNarrativeAsync(s, talk.Id, contractId, contract.Municipality, Blank(told.ProviderAccount), Blank(told.MunicipalityAccount), ct);
            return Result<TalkRecord>.Done(await RecordAsync(s, contractId, talk, ct));
        }, ct);

    public Task<Result<TalkDecision>> DecideAsync(CallerContext caller, Guid contractId, Guid talkId, DecisionTaken decision, CancellationToken ct) =>
        OnHeldTalkAsync(caller, contractId, talkId, async (s, contract, talk) =>
        {
            var violations = new List<FieldViolation>();
            if (string.IsNullOrWhiteSpace(decision.Text) || decision.Text.Length > MaxDecisionLength || FreeText.ContainsBsnLikeNumber(decision.Text))
            {
                violations.Add(new("text", $"What was decided: required, at most {MaxDecisionLength:N0} characters, never a BSN."));
            }

            if (decision.AgendaItemId is { } itemId && (await SteeringStore.ItemsAsync(s, contractId, talk.Id, ct)).All(i => i.Id != itemId))
            {
                violations.Add(new("agendaItemId", "An item on this talk's agenda, or none."));
            }

            return violations.Count > 0
                ? Result<TalkDecision>.Invalid(violations)
                : Result<TalkDecision>.Done(await TalkRecordStore.AddDecisionAsync(
                    s, talk.Id, contractId, contract.Municipality, decision.AgendaItemId, decision.Text!.Trim(), ct));
        }, ct);

    private static async Task<TalkRecord> RecordAsync(DbSession s, Guid contractId, SteeringTalk talk, CancellationToken ct) => new(
        talk,
        await SteeringStore.ItemsAsync(s, contractId, talk.Id, ct),
        await TalkRecordStore.NarrativeAsync(s, talk.Id, ct),
        await TalkRecordStore.DecisionsAsync(s, talk.Id, ct),
        await SteeringStore.OpenActionsAsync(s, contractId, ct));

    private static void CheckAccount(string? account, string field, string what, List<FieldViolation> violations)
    {
        if (account is not null && (account.Length > MaxAccountLength || FreeText.ContainsBsnLikeNumber(account)))
        {
            violations.Add(new(field, $"{what}: at most {MaxAccountLength:N0} characters, never a BSN."));
        }
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    /// <summary>What was said and decided is recorded once the talk took place; a planned talk has no record yet.</summary>
    private Task<Result<T>> OnHeldTalkAsync<T>(
        CallerContext caller, Guid contractId, Guid talkId, Func<DbSession, StoredContract, SteeringTalk, Task<Result<T>>> work, CancellationToken ct) =>
        OnTalkAsync(caller, contractId, talkId, (s, contract, talk) => talk.Status == "held"
            ? work(s, contract, talk)
            : Task.FromResult(Result<T>.InConflict($"The talk of {talk.HeldOn:yyyy-MM-dd} has not been held yet: mark it held first, then record what was said and decided.")), ct);

    /// <summary>Runs <paramref name="work"/> on a talk of a contract of the caller's municipality; not found otherwise.</summary>
    private Task<Result<T>> OnTalkAsync<T>(
        CallerContext caller, Guid contractId, Guid talkId, Func<DbSession, StoredContract, SteeringTalk, Task<Result<T>>> work, CancellationToken ct) =>
        database.InTransactionAsync(caller, async s =>
            await OwnContractAsync(s, caller, contractId, ct) is { } contract && await TalkRecordStore.FindTalkAsync(s, contractId, talkId, ct) is { } talk
                ? await work(s, contract, talk)
                : Result<T>.NotFound(), ct);

    private static async Task<StoredContract?> OwnContractAsync(DbSession s, CallerContext caller, Guid contractId, CancellationToken ct) =>
        await ContractStore.FindAsync(s, contractId, ct) is { } contract && contract.Municipality == caller.Municipality ? contract : null;
}
