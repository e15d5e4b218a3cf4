using System.Security.Cryptography;
using System.Text;
using Npgsql;

namespace Platform.Persistence;

/// <summary>
/// The two ways a service connects to its own database. The connection string injected as
/// <c>ConnectionStrings:&lt;name&gt;</c> belongs to the owner role, which only migrates. The application
/// connects as a login role derived from it that owns no tables and cannot bypass row-level security.
/// </summary>
public sealed class DatabaseSettings
{
    public DatabaseSettings(string connectionName, string ownerConnectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionName);
        ArgumentException.ThrowIfNullOrWhiteSpace(ownerConnectionString);
        ConnectionName = connectionName;
        var owner = new NpgsqlConnectionStringBuilder(ownerConnectionString);
        if (string.IsNullOrWhiteSpace(owner.Database))
        {
            owner.Database = connectionName;
        }

        // Tables live in public. Without this, an owner role named like a schema (the local
        // superuser "platform") would create them in that schema through "$user" in the path.
        owner.SearchPath = "public";

        OwnerConnectionString = owner.ConnectionString;
        DatabaseName = owner.Database!;
        AppRole = $"{DatabaseName}_app";
        AppRolePassword = Derive(owner.Password, $"platform-app-role:{DatabaseName}");
        CallerContextKey = Convert.FromHexString(Derive(owner.Password, $"platform-caller-context:{DatabaseName}"));
        var app = new NpgsqlConnectionStringBuilder(owner.ConnectionString)
        {
            Username = AppRole,
            Password = AppRolePassword,

            // Services run the same few statements all day; preparing them saves the server
            // parsing and planning each time (the outbox and inbox statements among them).
            MaxAutoPrepare = 64,
            AutoPrepareMinUsages = 2,
        };
        AppConnectionString = app.ConnectionString;
    }

    public string ConnectionName { get; }

    public string DatabaseName { get; }

    public string OwnerConnectionString { get; }

    /// <summary>The login role the application uses: NOSUPERUSER, NOBYPASSRLS, owns nothing.</summary>
    public string AppRole { get; }

    public string AppConnectionString { get; }

    internal string AppRolePassword { get; }

    /// <summary>The key the service signs each transaction's caller context with; the database keeps its pads.</summary>
    internal byte[] CallerContextKey { get; }

    /// <summary>
    /// Derived from the owner's secret so that every instance of a service arrives at the same
    /// values without a second secret to distribute, and none can learn the owner's from them.
    /// </summary>
    private static string Derive(string? ownerPassword, string purpose)
    {
        var key = Encoding.UTF8.GetBytes(ownerPassword ?? string.Empty);
        return Convert.ToHexString(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(purpose)));
    }
}
