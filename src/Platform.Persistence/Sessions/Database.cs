using Npgsql;
using Platform.Security;

namespace Platform.Persistence.Sessions;

/// <summary>
/// The service's database as the application role sees it. Every unit of work is a transaction
/// that carries the caller context, so row-level security applies to every statement in it.
/// </summary>
public sealed class Database(NpgsqlDataSource dataSource, DatabaseSettings settings)
{
    private readonly byte[] _contextKey = (settings ?? throw new ArgumentNullException(nameof(settings))).CallerContextKey;

    public NpgsqlDataSource DataSource { get; } = dataSource;

    public async Task<DbSession> BeginAsync(CallerContext caller, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var connection = await DataSource.OpenConnectionAsync(ct);
        try
        {
            var transaction = await connection.BeginTransactionAsync(ct);

            // The context lives in a table only the owner writes, keyed by this transaction's id: it ends with the
            // transaction, so a pooled connection can never carry one caller's tenant into another's work. The
            // database takes it only with the service's signature, bound to this backend and the time of issue.
            var issuedAt = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
            await using var command = new NpgsqlCommand(
                "SELECT platform.begin_caller_context($1, $2, $3, $4, $5, $6, $7)", connection, transaction);
            command.Parameters.AddWithValue(caller.Municipality ?? string.Empty);
            command.Parameters.AddWithValue(caller.Region ?? string.Empty);
            command.Parameters.AddWithValue(caller.ProviderId ?? string.Empty);
            command.Parameters.AddWithValue(caller.Subject);
            command.Parameters.AddWithValue(caller.Roles.ToArray());
            command.Parameters.AddWithValue(issuedAt);
            command.Parameters.AddWithValue(CallerContextSeal.Sign(_contextKey, connection.ProcessID, issuedAt, caller));
            await command.ExecuteNonQueryAsync(ct);
            return new DbSession(connection, transaction, caller);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>Runs <paramref name="work"/> in one transaction and commits it when it returns.</summary>
    public async Task<T> InTransactionAsync<T>(CallerContext caller, Func<DbSession, Task<T>> work, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(work);
        await using var session = await BeginAsync(caller, ct);
        var result = await work(session);
        await session.CommitAsync(ct);
        return result;
    }

    public Task InTransactionAsync(CallerContext caller, Func<DbSession, Task> work, CancellationToken ct = default) =>
        InTransactionAsync(caller, async session => { await work(session); return true; }, ct);
}
