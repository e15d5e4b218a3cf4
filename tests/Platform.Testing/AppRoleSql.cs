using Npgsql;
using Platform.Persistence;
using Platform.Persistence.Sessions;
using Platform.Security;

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
        await using var dataSource = NpgsqlDataSource.Create(settings.AppConnectionString);
        return await new Database(dataSource, settings).InTransactionAsync(
            new CallerContext(municipality, subject, []),
            session => session.ScalarAsync<long>(sql, CancellationToken.None));
    }
}
