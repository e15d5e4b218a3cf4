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
}
