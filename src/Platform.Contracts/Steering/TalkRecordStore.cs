using System.Text.Json;
using Platform.Persistence.Sessions;

namespace Platform.Contracts.Steering;

/// <summary>
/// The story behind the figures ("tellen én vertellen") as told in a held talk: the provider's account and the
/// municipality's, who wrote it down last and when, and its version (every rewrite raises it).
/// </summary>
internal sealed record TalkNarrative(string? ProviderAccount, string? MunicipalityAccount, int Version, string RecordedBy, DateTimeOffset RecordedAt);

/// <summary>A decision taken in a talk ("besluit"), optionally on one item of its agenda.</summary>
internal sealed record TalkDecision(Guid Id, Guid? AgendaItemId, string Text, string RecordedBy, DateTimeOffset RecordedAt);

/// <summary>One write to a talk's record, as the database's trigger kept it: which record, who, when, before and after.</summary>
internal sealed record TalkChange(string Record, string Operation, string ChangedBy, DateTimeOffset ChangedAt, JsonElement? Before, JsonElement After);

internal static class TalkRecordStore
{
    public static async Task<SteeringTalk?> FindTalkAsync(DbSession s, Guid contractId, Guid talkId, CancellationToken ct) =>
        (await s.QueryAsync(
            "SELECT id, held_on, status FROM steering_talks WHERE contract_id = $1 AND id = $2",
            r => new SteeringTalk(r.GetGuid(0), r.GetFieldValue<DateOnly>(1), r.GetString(2)), ct, contractId, talkId)).SingleOrDefault();

    public static Task<List<SteeringTalk>> TalksAsync(DbSession s, Guid contractId, CancellationToken ct) =>
        s.QueryAsync(
            "SELECT id, held_on, status FROM steering_talks WHERE contract_id = $1 ORDER BY held_on",
            r => new SteeringTalk(r.GetGuid(0), r.GetFieldValue<DateOnly>(1), r.GetString(2)), ct, contractId);

    public static async Task<TalkNarrative?> NarrativeAsync(DbSession s, Guid talkId, CancellationToken ct) =>
        (await s.QueryAsync(
            "SELECT provider_account, municipality_account, version, recorded_by, recorded_at FROM talk_narratives WHERE talk_id = $1",
            r => new TalkNarrative(
                r.IsDBNull(0) ? null : r.GetString(0), r.IsDBNull(1) ? null : r.GetString(1), r.GetInt32(2), r.GetString(3),
                r.GetFieldValue<DateTimeOffset>(4)), ct, talkId)).SingleOrDefault();

    /// <summary>Writes the talk's narrative, or rewrites it under the next version.</summary>
    public static Task SaveNarrativeAsync(
        DbSession s, Guid talkId, Guid contractId, string municipality, string? providerAccount, string? municipalityAccount, CancellationToken ct) =>
        s.ExecuteAsync(
            """
            INSERT INTO talk_narratives (talk_id, contract_id, municipality, provider_account, municipality_account)
            VALUES ($1, $2, $3, $4, $5)
            ON CONFLICT (talk_id) DO UPDATE SET
                provider_account = EXCLUDED.provider_account, municipality_account = EXCLUDED.municipality_account,
                version = talk_narratives.version + 1, recorded_by = DEFAULT, recorded_at = DEFAULT
            """,
            ct, talkId, contractId, municipality, providerAccount, municipalityAccount);

    public static Task<List<TalkDecision>> DecisionsAsync(DbSession s, Guid talkId, CancellationToken ct) =>
        s.QueryAsync(
            "SELECT id, agenda_item_id, text, recorded_by, recorded_at FROM talk_decisions WHERE talk_id = $1 ORDER BY recorded_at, id",
            r => new TalkDecision(r.GetGuid(0), r.IsDBNull(1) ? null : r.GetGuid(1), r.GetString(2), r.GetString(3), r.GetFieldValue<DateTimeOffset>(4)),
            ct, talkId);

    public static async Task<TalkDecision> AddDecisionAsync(
        DbSession s, Guid talkId, Guid contractId, string municipality, Guid? agendaItemId, string text, CancellationToken ct) =>
        (await s.QueryAsync(
            """
            INSERT INTO talk_decisions (id, talk_id, contract_id, municipality, agenda_item_id, text)
            VALUES ($1, $2, $3, $4, $5, $6)
            RETURNING id, agenda_item_id, text, recorded_by, recorded_at
            """,
            r => new TalkDecision(r.GetGuid(0), r.IsDBNull(1) ? null : r.GetGuid(1), r.GetString(2), r.GetString(3), r.GetFieldValue<DateTimeOffset>(4)),
            ct, Guid.CreateVersion7(), talkId, contractId, municipality, agendaItemId, text)).Single();

    public static Task<List<TalkChange>> HistoryAsync(DbSession s, Guid talkId, CancellationToken ct) =>
        s.QueryAsync(
            "SELECT record, operation, changed_by, changed_at, before::text, after::text FROM talk_history WHERE talk_id = $1 ORDER BY id",
            r => new TalkChange(
                r.GetString(0), r.GetString(1), r.GetString(2), r.GetFieldValue<DateTimeOffset>(3),
                r.IsDBNull(4) ? null : JsonDocument.Parse(r.GetString(4)).RootElement.Clone(),
                JsonDocument.Parse(r.GetString(5)).RootElement.Clone()), ct, talkId);
}
