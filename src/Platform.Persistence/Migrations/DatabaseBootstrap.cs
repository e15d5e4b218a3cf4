using Npgsql;

namespace Platform.Persistence.Migrations;

/// <summary>
/// What every service database has before its own migrations run: the migration history, the
/// application login role with its grants, and the functions row-level security policies read the
/// per-transaction caller context from. Idempotent; runs under the migration lock at every start.
/// </summary>
internal static class DatabaseBootstrap
{
    public static async Task EnsureDatabaseExistsAsync(DatabaseSettings settings, CancellationToken ct)
    {
        var maintenance = new NpgsqlConnectionStringBuilder(settings.OwnerConnectionString) { Database = "postgres", Pooling = false };
        await using var connection = new NpgsqlConnection(maintenance.ConnectionString);
        await connection.OpenAsync(ct);
        await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = $1", connection);
        exists.Parameters.AddWithValue(settings.DatabaseName);
        if (await exists.ExecuteScalarAsync(ct) is not null)
        {
            return;
        }

        try
        {
            await using var create = new NpgsqlCommand($"CREATE DATABASE {Quote(settings.DatabaseName)}", connection);
            await create.ExecuteNonQueryAsync(ct);
        }
        catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.DuplicateDatabase or PostgresErrorCodes.UniqueViolation)
        {
            // Another instance created it in the meantime.
        }
    }

    public static async Task ApplyAsync(NpgsqlConnection owner, DatabaseSettings settings, CancellationToken ct)
    {
        await EnsureAppRoleExistsAsync(owner, settings.AppRole, ct);
        var role = Quote(settings.AppRole);
        var database = Quote(settings.DatabaseName);
        var sql = $$"""
            CREATE SCHEMA IF NOT EXISTS platform;

            CREATE TABLE IF NOT EXISTS platform.schema_migrations (
                module      text        NOT NULL,
                version     integer     NOT NULL,
                name        text        NOT NULL,
                checksum    text        NOT NULL,
                applied_at  timestamptz NOT NULL DEFAULT now(),
                applied_by  text        NOT NULL DEFAULT current_user,
                PRIMARY KEY (module, version)
            );

            ALTER ROLE {{role}} LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE NOINHERIT
                PASSWORD {{QuoteLiteral(settings.AppRolePassword)}};

            REVOKE CONNECT ON DATABASE {{database}} FROM PUBLIC;
            GRANT CONNECT ON DATABASE {{database}} TO {{role}};
            GRANT USAGE ON SCHEMA public, platform TO {{role}};
            REVOKE ALL ON platform.schema_migrations FROM {{role}};
            ALTER DEFAULT PRIVILEGES IN SCHEMA public, platform
                GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO {{role}};
            ALTER DEFAULT PRIVILEGES IN SCHEMA public, platform
                GRANT USAGE, SELECT ON SEQUENCES TO {{role}};

            -- The caller context, set per transaction by Database.BeginAsync with SET LOCAL semantics.
            -- An unset value reads as NULL, and a policy comparing with NULL admits nothing. They are parallel
            -- safe: a parallel query's workers start with the leader's settings, SET LOCAL ones included.
            CREATE OR REPLACE FUNCTION platform.current_municipality() RETURNS text
                LANGUAGE sql STABLE PARALLEL SAFE AS $$ SELECT nullif(current_setting('platform.municipality', true), '') $$;
            CREATE OR REPLACE FUNCTION platform.current_region() RETURNS text
                LANGUAGE sql STABLE PARALLEL SAFE AS $$ SELECT nullif(current_setting('platform.region', true), '') $$;
            CREATE OR REPLACE FUNCTION platform.current_provider() RETURNS text
                LANGUAGE sql STABLE PARALLEL SAFE AS $$ SELECT nullif(current_setting('platform.provider_id', true), '') $$;
            CREATE OR REPLACE FUNCTION platform.current_subject() RETURNS text
                LANGUAGE sql STABLE PARALLEL SAFE AS $$ SELECT nullif(current_setting('platform.subject', true), '') $$;
            CREATE OR REPLACE FUNCTION platform.has_role(role_name text) RETURNS boolean
                LANGUAGE sql STABLE PARALLEL SAFE AS $$
                    SELECT role_name = ANY (string_to_array(nullif(current_setting('platform.roles', true), ''), ','))
                $$;
            """;
        await using var command = new NpgsqlCommand(sql, owner);
        await command.ExecuteNonQueryAsync(ct);
    }

    // The role's name reaches the catalogue as a parameter; only the CREATE itself needs it spelled in SQL.
    private static async Task EnsureAppRoleExistsAsync(NpgsqlConnection owner, string appRole, CancellationToken ct)
    {
        await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_roles WHERE rolname = $1", owner);
        exists.Parameters.AddWithValue(appRole);
        if (await exists.ExecuteScalarAsync(ct) is not null)
        {
            return;
        }

        try
        {
            await using var create = new NpgsqlCommand($"CREATE ROLE {Quote(appRole)} LOGIN", owner);
            await create.ExecuteNonQueryAsync(ct);
        }
        catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.DuplicateObject or PostgresErrorCodes.UniqueViolation)
        {
            // Another database of the same server created it in the meantime.
        }
    }

    /// <summary>A double-quoted identifier; a NUL cannot be part of one.</summary>
    public static string Quote(string identifier) => identifier.Contains('\0', StringComparison.Ordinal)
        ? throw new ArgumentException("An identifier cannot contain NUL.", nameof(identifier))
        : "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    /// <summary>
    /// A string constant: quotes doubled, and written as an escape string (E'...') with backslashes doubled
    /// so that its meaning does not depend on standard_conforming_strings.
    /// </summary>
    public static string QuoteLiteral(string value) => value.Contains('\0', StringComparison.Ordinal)
        ? throw new ArgumentException("A string constant cannot contain NUL.", nameof(value))
        : "E'" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "''", StringComparison.Ordinal) + "'";

}
