using System.Text.Json;
using Npgsql;
using Platform.Contracts.Domain;
using Platform.Persistence.Sessions;
using Platform.Security;

namespace Platform.Contracts.Contracts;

/// <summary>A contract as staff and providers read it, with its notice deadline computed from the current end.</summary>
internal sealed record ContractView(
    Guid Id, string Municipality, string Name, string LegalForm, string Status, IReadOnlyList<ContractParty> Parties,
    DateOnly Start, DateOnly End, IReadOnlyList<DateOnly> EvaluationDates, int ExtensionOptions, int ExtensionMonths,
    int ExtensionsUsed, int NoticeMonths, DateOnly NoticeDeadline, IReadOnlyList<Guid> Populations, IReadOnlyList<string> Laws,
    bool HasMalus, string? Notes, int Version);

/// <summary>One change of a contract: who, when, and the row before and after.</summary>
internal sealed record ContractChange(int Version, string Operation, string ChangedBy, DateTimeOffset ChangedAt, JsonElement? Before, JsonElement After);

/// <summary>Drafting, reading and extending contracts; every write raises the version and leaves history.</summary>
internal sealed class ContractCommands(Database database)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private const string Columns =
        "id, municipality, name, legal_form, status, parties::text, start_date, end_date, evaluation_dates, extension_options, " +
        "extension_months, extensions_used, notice_months, populations, laws, has_malus, notes, version";

    public Task<Guid> CreateAsync(CallerContext caller, ContractTerms t, CancellationToken ct) =>
        database.InTransactionAsync(caller, async s =>
        {
            var id = Guid.CreateVersion7();
            await s.ExecuteAsync(
                """
                INSERT INTO contracts (id, municipality, name, legal_form, parties, start_date, end_date, evaluation_dates,
                    extension_options, extension_months, notice_months, populations, laws, has_malus, notes, provider_ids)
                VALUES ($1, $2, $3, $4, $5::jsonb, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)
                """,
                ct, id, caller.Municipality, t.Name, t.LegalForm, JsonSerializer.Serialize(t.Parties ?? [], Json), t.Start, t.End,
                (object)(t.EvaluationDates ?? []).ToArray(), t.ExtensionOptions, t.ExtensionMonths, t.NoticeMonths,
                (object)(t.Populations ?? []).ToArray(), (object)(t.Laws ?? []).ToArray(), t.HasMalus, t.Notes,
                (object)(t.Parties ?? []).Select(p => p.ProviderId).ToArray());
            return id;
        }, ct);

    public Task<List<ContractView>> ListAsync(CallerContext caller, CancellationToken ct) =>
        database.InTransactionAsync(caller, s => s.QueryAsync($"SELECT {Columns} FROM contracts ORDER BY start_date, name", Read, ct), ct);

    public Task<ContractView?> GetAsync(CallerContext caller, Guid id, CancellationToken ct) =>
        database.InTransactionAsync(caller, async s =>
            (await s.QueryAsync($"SELECT {Columns} FROM contracts WHERE id = $1", Read, ct, id)).SingleOrDefault(), ct);

    /// <summary>Uses one extension option; null when the contract is not visible, false when no option is left.</summary>
    public Task<bool?> ExtendAsync(CallerContext caller, Guid id, CancellationToken ct) =>
        database.InTransactionAsync<bool?>(caller, async s =>
        {
            var rows = await s.QueryAsync(
                "SELECT extensions_used, extension_options FROM contracts WHERE id = $1 FOR UPDATE",
                r => (Used: r.GetInt32(0), Options: r.GetInt32(1)), ct, id);
            if (rows.Count == 0)
            {
                return null;
            }

            if (rows[0].Used >= rows[0].Options)
            {
                return false;
            }

            await s.ExecuteAsync(
                """
                UPDATE contracts SET extensions_used = extensions_used + 1,
                    end_date = (end_date + make_interval(months => extension_months))::date, version = version + 1
                WHERE id = $1
                """, ct, id);
            return true;
        }, ct);

    public Task<List<ContractChange>> HistoryAsync(CallerContext caller, Guid id, CancellationToken ct) =>
        database.InTransactionAsync(caller, s => s.QueryAsync(
            "SELECT version, operation, changed_by, changed_at, before::text, after::text FROM contract_history WHERE contract_id = $1 ORDER BY id",
            r => new ContractChange(
                r.GetInt32(0), r.GetString(1), r.GetString(2), r.GetFieldValue<DateTimeOffset>(3),
                r.IsDBNull(4) ? null : JsonDocument.Parse(r.GetString(4)).RootElement.Clone(),
                JsonDocument.Parse(r.GetString(5)).RootElement.Clone()), ct, id), ct);

    private static ContractView Read(NpgsqlDataReader r)
    {
        var end = r.GetFieldValue<DateOnly>(7);
        var noticeMonths = r.GetInt32(12);
        return new ContractView(
            r.GetGuid(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4),
            JsonSerializer.Deserialize<List<ContractParty>>(r.GetString(5), Json) ?? [],
            r.GetFieldValue<DateOnly>(6), end, r.GetFieldValue<DateOnly[]>(8), r.GetInt32(9), r.GetInt32(10), r.GetInt32(11),
            noticeMonths, ContractRules.NoticeDeadline(end, noticeMonths), r.GetFieldValue<Guid[]>(13), r.GetFieldValue<string[]>(14),
            r.GetBoolean(15), r.IsDBNull(16) ? null : r.GetString(16), r.GetInt32(17));
    }
}
