using Npgsql;
using Platform.Persistence;

namespace Platform.Testing;

/// <summary>
/// SQL as a service's application role, in one transaction with a caller context set the way the service sets it:
/// for showing what row-level security lets a session see.
/// </summary>
public static class AppRoleSql
{
    /// <summary>The first column of the first row, read with <paramref name="subject"/> and <paramref name="municipality"/> as caller.</summary>
    public static async Task<long> CountAsync(string ownerConnectionString, string database, string? municipality, string subject, string sql)
    {
        var settings = new DatabaseSettings(database, ownerConnectionString);
        await using var connection = new NpgsqlConnection(settings.AppConnectionString);
        await connection.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using (var context = new NpgsqlCommand(
            "SELECT set_config('platform.municipality', $1, true), set_config('platform.subject', $2, true)", connection, transaction))
        {
            context.Parameters.Add(new NpgsqlParameter { Value = municipality ?? string.Empty });
            context.Parameters.Add(new NpgsqlParameter { Value = subject });
            await context.ExecuteNonQueryAsync();
        }

        await using var query = new NpgsqlCommand(sql, connection, transaction);
        return (long)(await query.ExecuteScalarAsync())!;
    }
}
