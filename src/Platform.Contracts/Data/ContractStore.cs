using System.Text.Json;
using Npgsql;
using Platform.Contracts.Domain;
using Platform.Persistence.Sessions;

namespace Platform.Contracts.Data;

/// <summary>Contracts in SQL. Every write raises the version; the table's trigger keeps the history.</summary>
internal static class ContractStore
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private const string Columns =
        "id, municipality, name, legal_form, status, parties::text, start_date, end_date, evaluation_dates, extension_options, " +
        "extension_months, extensions_used, notice_months, populations, laws, has_malus, notes, care_forms, access::text, " +
        "obligations::text, result_agreements::text, ended_on, end_reason, version";

    public static Task InsertAsync(DbSession s, Guid id, string municipality, ContractTerms t, CancellationToken ct) =>
        s.ExecuteAsync(
            """
            INSERT INTO contracts (id, municipality, name, legal_form, parties, start_date, end_date, evaluation_dates,
                extension_options, extension_months, notice_months, populations, laws, has_malus, notes, provider_ids,
                care_forms, access, obligations, result_agreements, contracting_provider_id)
            VALUES ($1, $2, $3, $4, $5::jsonb, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18::jsonb, $19::jsonb, $20::jsonb, $21)
            """,
            ct, [id, municipality, .. TermValues(t)]);

    /// <summary>Replaces the terms of a contract (a draft's edit, or an approved amendment) and raises its version.</summary>
    public static Task UpdateTermsAsync(DbSession s, Guid id, ContractTerms t, CancellationToken ct) =>
        s.ExecuteAsync(
            """
            UPDATE contracts SET name = $3, legal_form = $4, parties = $5::jsonb, start_date = $6, end_date = $7,
                evaluation_dates = $8, extension_options = $9, extension_months = $10, notice_months = $11, populations = $12,
                laws = $13, has_malus = $14, notes = $15, provider_ids = $16, care_forms = $17, access = $18::jsonb,
                obligations = $19::jsonb, result_agreements = $20::jsonb, contracting_provider_id = $21, version = version + 1
            WHERE id = $1 AND municipality = $2
            """,
            ct, [id, s.Caller.Municipality, .. TermValues(t)]);

    public static Task SetStatusAsync(DbSession s, Guid id, string status, DateOnly? endedOn, string? endReason, CancellationToken ct) =>
        s.ExecuteAsync(
            """
            UPDATE contracts SET status = $2, ended_on = $3, end_reason = $4, version = version + 1,
                activated_at = CASE WHEN $2 = 'active' THEN clock_timestamp() ELSE activated_at END
            WHERE id = $1
            """,
            ct, id, status, endedOn, endReason);

    public static Task ExtendAsync(DbSession s, Guid id, CancellationToken ct) =>
        s.ExecuteAsync(
            """
            UPDATE contracts SET extensions_used = extensions_used + 1,
                end_date = (end_date + make_interval(months => extension_months))::date, version = version + 1
            WHERE id = $1
            """, ct, id);

    public static async Task<StoredContract?> FindAsync(DbSession s, Guid id, CancellationToken ct, bool forUpdate = false) =>
        (await s.QueryAsync($"SELECT {Columns} FROM contracts WHERE id = $1{(forUpdate ? " FOR UPDATE" : "")}", Read, ct, id)).SingleOrDefault();

    public static Task<List<StoredContract>> ListAsync(DbSession s, CancellationToken ct) =>
        s.QueryAsync($"SELECT {Columns} FROM contracts ORDER BY start_date, name", Read, ct);

    /// <summary>
    /// Every contract the caller may see, with no condition of its own: for a provider system, row-level security
    /// alone keeps it to the contracts in force it is a party to.
    /// </summary>
    public static Task<List<StoredContract>> VisibleAsync(DbSession s, CancellationToken ct) =>
        s.QueryAsync($"SELECT {Columns} FROM contracts ORDER BY municipality, start_date, name", Read, ct);

    private static object?[] TermValues(ContractTerms t) =>
    [
        t.Name, t.LegalForm, JsonSerializer.Serialize(t.Parties, Json), t.Start, t.End, t.EvaluationDates.ToArray(),
        t.ExtensionOptions, t.ExtensionMonths, t.NoticeMonths, t.Populations.ToArray(), t.Laws.ToArray(), t.HasMalus, t.Notes,
        t.Parties.Select(p => p.ProviderId).ToArray(), (t.CareForms ?? []).ToArray(),
        t.Access is null ? null : JsonSerializer.Serialize(t.Access, Json), JsonSerializer.Serialize(t.Obligations, Json),
        JsonSerializer.Serialize(t.ResultAgreements, Json), t.ContractingProviderId,
    ];

    private static StoredContract Read(NpgsqlDataReader r)
    {
        var terms = new ContractTerms(
            r.GetString(2), r.GetString(3), Deserialize<List<ContractParty>>(r.GetString(5)),
            r.GetFieldValue<DateOnly>(6), r.GetFieldValue<DateOnly>(7), r.GetFieldValue<DateOnly[]>(8), r.GetInt32(9), r.GetInt32(10),
            r.GetInt32(12), r.GetFieldValue<Guid[]>(13), r.GetFieldValue<string[]>(14), r.GetBoolean(15),
            r.IsDBNull(16) ? null : r.GetString(16), r.GetFieldValue<string[]>(17),
            r.IsDBNull(18) ? null : Deserialize<AccessArrangement>(r.GetString(18)),
            Deserialize<Obligations>(r.GetString(19)), Deserialize<List<ResultAgreement>>(r.GetString(20)));
        return new StoredContract(
            r.GetGuid(0), r.GetString(1), terms with { Obligations = terms.Obligations! with { ReportingSchedule = terms.Obligations.ReportingSchedule ?? [] } },
            r.GetString(4), r.GetInt32(11), r.IsDBNull(21) ? null : r.GetFieldValue<DateOnly>(21), r.IsDBNull(22) ? null : r.GetString(22),
            r.GetInt32(23));
    }

    private static T Deserialize<T>(string json) =>
        JsonSerializer.Deserialize<T>(json, Json) ?? throw new InvalidDataException($"A stored {typeof(T).Name} is empty.");
}
