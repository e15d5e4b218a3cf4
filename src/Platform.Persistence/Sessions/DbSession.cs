using Npgsql;
using Platform.Security;

namespace Platform.Persistence.Sessions;

/// <summary>
/// One open transaction with its caller context. Disposing without <see cref="CommitAsync"/> rolls
/// back, and actions registered with <see cref="OnCommitted"/> run only after a successful commit.
/// </summary>
public sealed class DbSession : IAsyncDisposable
{
    private readonly List<Action> _afterCommit = [];

    internal DbSession(NpgsqlConnection connection, NpgsqlTransaction transaction, CallerContext caller)
    {
        Connection = connection;
        Transaction = transaction;
        Caller = caller;
    }

    public NpgsqlConnection Connection { get; }

    public NpgsqlTransaction Transaction { get; }

    public CallerContext Caller { get; }

    /// <summary>A command bound to this transaction, with positional parameters <c>$1, $2, ...</c>.</summary>
    public NpgsqlCommand Command(string sql, params object?[] parameters)
    {
        var command = new NpgsqlCommand(sql, Connection, Transaction);
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = parameter ?? DBNull.Value });
        }

        return command;
    }

    public async Task<int> ExecuteAsync(string sql, CancellationToken ct, params object?[] parameters)
    {
        await using var command = Command(sql, parameters);
        return await command.ExecuteNonQueryAsync(ct);
    }

    public async Task<T?> ScalarAsync<T>(string sql, CancellationToken ct, params object?[] parameters)
    {
        await using var command = Command(sql, parameters);
        var value = await command.ExecuteScalarAsync(ct);
        return value is null or DBNull ? default : (T)value;
    }

    /// <summary>Runs a query and reads every row with <paramref name="read"/>.</summary>
    public async Task<List<T>> QueryAsync<T>(string sql, Func<NpgsqlDataReader, T> read, CancellationToken ct, params object?[] parameters)
    {
        ArgumentNullException.ThrowIfNull(read);
        await using var command = Command(sql, parameters);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var rows = new List<T>();
        while (await reader.ReadAsync(ct))
        {
            rows.Add(read(reader));
        }

        return rows;
    }

    public void OnCommitted(Action action) => _afterCommit.Add(action);

    public async Task CommitAsync(CancellationToken ct = default)
    {
        await Transaction.CommitAsync(ct);
        foreach (var action in _afterCommit)
        {
            action();
        }
    }

    public async ValueTask DisposeAsync()
    {
        // Disposing an uncommitted NpgsqlTransaction rolls it back.
        await Transaction.DisposeAsync();
        await Connection.DisposeAsync();
    }
}
