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

            DO $$
            BEGIN
                IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '{{settings.AppRole}}') THEN
                    CREATE ROLE {{role}} LOGIN;
                END IF;
            EXCEPTION WHEN duplicate_object THEN NULL;
            END $$;
            ALTER ROLE {{role}} LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE NOINHERIT
                PASSWORD '{{settings.AppRolePassword}}';

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

    public static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
