using Npgsql;

namespace Platform.Testing;

/// <summary>SQL as a database's owner, past row-level security: for setting up and inspecting what an API cannot show.</summary>
public static class OwnerSql
{
    /// <summary>The first column of the first row, or the type's default for no row or NULL; positional parameters <c>$1, $2, ...</c>.</summary>
    public static async Task<T?> ScalarAsync<T>(string ownerConnectionString, string sql, params object?[] parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        await using var connection = new NpgsqlConnection(ownerConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = parameter ?? DBNull.Value });
        }

        var value = await command.ExecuteScalarAsync();
        return value is null or DBNull ? default : (T)value;
    }

    /// <summary>
    /// The tables and views the service's application role (<c>&lt;database&gt;_app</c>) may read without row-level
    /// security deciding which rows: what a forgotten <c>WHERE</c> would show to any caller.
    /// </summary>
    public static async Task<List<string>> TablesReadableWithoutRowSecurityAsync(string ownerConnectionString)
    {
        await using var connection = new NpgsqlConnection(ownerConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            """
            SELECT n.nspname || '.' || c.relname
            FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE c.relkind IN ('r', 'p', 'v', 'm') AND n.nspname IN ('public', 'platform')
              AND has_table_privilege(current_database() || '_app', c.oid, 'SELECT')
              AND NOT (c.relkind IN ('r', 'p') AND c.relrowsecurity)
            ORDER BY 1
            """,
            connection);
        var tables = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            tables.Add(reader.GetString(0));
        }

        return tables;
    }
}

