using Platform.Persistence.Sessions;

namespace Platform.Contracts.Steering;

/// <summary>A steering talk of a contract: <c>planned</c> until it is <c>held</c>.</summary>
internal sealed record SteeringTalk(Guid Id, DateOnly HeldOn, string Status);

/// <summary>One item on a talk's agenda: why it is there (<c>by-hand</c>, <c>referral-signal</c>, <c>result-not-met</c>) and the figures behind it.</summary>
internal sealed record AgendaItem(Guid Id, Guid? TalkId, string Cause, string CauseKey, string Title, System.Text.Json.JsonElement? Figures, bool Confidential);

/// <summary>An action agreed in a talk: who, by when; on every next agenda until it is closed.</summary>
internal sealed record SteeringAction(Guid Id, string Description, string Owner, DateOnly DueOn, string Status);

internal static class SteeringStore
{
    public static async Task<SteeringTalk?> NextTalkAsync(DbSession s, Guid contractId, CancellationToken ct) =>
        (await s.QueryAsync(
            "SELECT id, held_on, status FROM steering_talks WHERE contract_id = $1 AND status = 'planned' ORDER BY held_on LIMIT 1",
            r => new SteeringTalk(r.GetGuid(0), r.GetFieldValue<DateOnly>(1), r.GetString(2)), ct, contractId)).SingleOrDefault();

    /// <summary>
    /// Puts an item on the contract's next talk (or, with none planned yet, on the one that will be); a cause already
    /// on the agenda changes nothing. True when the item is new.
    /// </summary>
    public static async Task<bool> RaiseAsync(
        DbSession s, Guid contractId, string municipality, string cause, string causeKey, string title, string? figuresJson, bool confidential, CancellationToken ct)
    {
        var next = await NextTalkAsync(s, contractId, ct);
        return await s.ExecuteAsync(
            """
            INSERT INTO agenda_items (id, contract_id, municipality, talk_id, cause, cause_key, title, figures, confidential)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb, $9)
            ON CONFLICT (contract_id, cause, cause_key) DO NOTHING
            """,
            ct, Guid.CreateVersion7(), contractId, municipality, next?.Id, cause, causeKey, title, figuresJson, confidential) == 1;
    }

    /// <summary>Plans a talk; items waiting for a talk go on its agenda.</summary>
    public static async Task<SteeringTalk> PlanAsync(DbSession s, Guid contractId, string municipality, DateOnly heldOn, CancellationToken ct)
    {
        var id = Guid.CreateVersion7();
        await s.ExecuteAsync(
            "INSERT INTO steering_talks (id, contract_id, municipality, held_on) VALUES ($1, $2, $3, $4)", ct, id, contractId, municipality, heldOn);
        await s.ExecuteAsync("UPDATE agenda_items SET talk_id = $2 WHERE contract_id = $1 AND talk_id IS NULL", ct, contractId, id);
        return new SteeringTalk(id, heldOn, "planned");
    }

    public static async Task<bool> MarkHeldAsync(DbSession s, Guid contractId, Guid talkId, CancellationToken ct) =>
        await s.ExecuteAsync("UPDATE steering_talks SET status = 'held' WHERE contract_id = $1 AND id = $2 AND status = 'planned'", ct, contractId, talkId) == 1;

    public static Task<List<AgendaItem>> ItemsAsync(DbSession s, Guid contractId, Guid? talkId, CancellationToken ct) =>
        s.QueryAsync(
            "SELECT id, talk_id, cause, cause_key, title, figures::text, confidential FROM agenda_items WHERE contract_id = $1 AND talk_id IS NOT DISTINCT FROM $2 ORDER BY raised_at",
            r => new AgendaItem(
                r.GetGuid(0), r.IsDBNull(1) ? null : r.GetGuid(1), r.GetString(2), r.GetString(3), r.GetString(4),
                r.IsDBNull(5) ? null : System.Text.Json.JsonDocument.Parse(r.GetString(5)).RootElement.Clone(), r.GetBoolean(6)),
            ct, contractId, (object?)talkId ?? DBNull.Value);

    public static Task AddActionAsync(DbSession s, Guid id, Guid contractId, string municipality, string description, string owner, DateOnly dueOn, CancellationToken ct) =>
        s.ExecuteAsync(
            "INSERT INTO actions (id, contract_id, municipality, description, owner, due_on) VALUES ($1, $2, $3, $4, $5, $6)",
            ct, id, contractId, municipality, description, owner, dueOn);

    public static async Task<bool> CloseActionAsync(DbSession s, Guid contractId, Guid actionId, CancellationToken ct) =>
        await s.ExecuteAsync(
            "UPDATE actions SET status = 'closed', closed_at = clock_timestamp() WHERE contract_id = $1 AND id = $2 AND status = 'open'", ct, contractId, actionId) == 1;

    public static Task<List<SteeringAction>> OpenActionsAsync(DbSession s, Guid contractId, CancellationToken ct) =>
        s.QueryAsync(
            "SELECT id, description, owner, due_on, status FROM actions WHERE contract_id = $1 AND status = 'open' ORDER BY due_on, created_at",
            r => new SteeringAction(r.GetGuid(0), r.GetString(1), r.GetString(2), r.GetFieldValue<DateOnly>(3), r.GetString(4)), ct, contractId);
}
