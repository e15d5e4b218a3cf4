using System.Text.Json;
using Npgsql;
using Platform.Contracts.Data;
using Platform.Contracts.Domain;
using Platform.Persistence.Sessions;

namespace Platform.Contracts.Amendments;

/// <summary>An amendment and its decision: who proposed it, who approved or rejected it.</summary>
internal sealed record Amendment(
    Guid Id, Guid ContractId, int BasedOnVersion, string Reason, ContractTerms Terms, string Status,
    string ProposedBy, DateTimeOffset ProposedAt, string? DecidedBy, DateTimeOffset? DecidedAt);

internal static class AmendmentStore
{
    private const string Columns =
        "id, contract_id, based_on_version, reason, terms::text, status, proposed_by, proposed_at, decided_by, decided_at";

    public static Task InsertAsync(DbSession s, Guid id, StoredContract contract, string reason, ContractTerms terms, CancellationToken ct) =>
        s.ExecuteAsync(
            "INSERT INTO amendments (id, contract_id, municipality, based_on_version, reason, terms) VALUES ($1, $2, $3, $4, $5, $6::jsonb)",
            ct, id, contract.Id, contract.Municipality, contract.Version, reason, JsonSerializer.Serialize(terms, ContractStore.Json));

    public static Task DecideAsync(DbSession s, Guid id, string status, string decidedBy, CancellationToken ct) =>
        s.ExecuteAsync(
            "UPDATE amendments SET status = $2, decided_by = $3, decided_at = clock_timestamp() WHERE id = $1", ct, id, status, decidedBy);

    public static async Task<Amendment?> FindAsync(DbSession s, Guid contractId, Guid id, CancellationToken ct) =>
        (await s.QueryAsync($"SELECT {Columns} FROM amendments WHERE contract_id = $1 AND id = $2", Read, ct, contractId, id)).SingleOrDefault();

    public static Task<List<Amendment>> ListAsync(DbSession s, Guid contractId, CancellationToken ct) =>
        s.QueryAsync($"SELECT {Columns} FROM amendments WHERE contract_id = $1 ORDER BY proposed_at", Read, ct, contractId);

    private static Amendment Read(NpgsqlDataReader r) => new(
        r.GetGuid(0), r.GetGuid(1), r.GetInt32(2), r.GetString(3),
        JsonSerializer.Deserialize<ContractTerms>(r.GetString(4), ContractStore.Json)!, r.GetString(5), r.GetString(6),
        r.GetFieldValue<DateTimeOffset>(7), r.IsDBNull(8) ? null : r.GetString(8), r.IsDBNull(9) ? null : r.GetFieldValue<DateTimeOffset>(9));
}
