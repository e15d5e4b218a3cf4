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

            -- The caller context of each transaction, written only by platform.begin_caller_context (which runs as
            -- the owner and takes a context only with the service's signature) and keyed by the transaction's id, so
            -- it ends with the transaction. The application role reads its own transaction's row and nothing else; a
            -- platform.* setting it sets itself is read by nothing. Unlogged: a crash ends every transaction anyway.
            CREATE UNLOGGED TABLE IF NOT EXISTS platform.caller_contexts (
                backend       integer PRIMARY KEY,
                xact          xid8    NOT NULL UNIQUE,
                municipality  text,
                region        text,
                provider_id   text,
                subject       text,
                roles         text[]  NOT NULL
            );
            ALTER TABLE platform.caller_contexts ENABLE ROW LEVEL SECURITY;
            DO $$ BEGIN
                IF NOT EXISTS (SELECT 1 FROM pg_policies WHERE schemaname = 'platform' AND tablename = 'caller_contexts') THEN
                    CREATE POLICY own_transaction ON platform.caller_contexts FOR SELECT
                        USING (xact = pg_current_xact_id_if_assigned());
                END IF;
            END $$;
            REVOKE ALL ON platform.caller_contexts FROM {{role}};
            GRANT SELECT ON platform.caller_contexts TO {{role}};

            -- The service's signing key as HMAC-SHA256's inner and outer pads: unreadable for the application role.
            CREATE TABLE IF NOT EXISTS platform.caller_context_key (
                only_row   boolean PRIMARY KEY DEFAULT true CHECK (only_row),
                inner_pad  bytea NOT NULL,
                outer_pad  bytea NOT NULL
            );
            REVOKE ALL ON platform.caller_context_key FROM {{role}};

            CREATE OR REPLACE FUNCTION platform.caller_context_frame(value text) RETURNS text
                LANGUAGE sql STABLE PARALLEL SAFE AS $$ SELECT octet_length(convert_to(value, 'UTF8'))::text || ':' || value $$;

            CREATE OR REPLACE FUNCTION platform.begin_caller_context(
                given_municipality text, given_region text, given_provider_id text, given_subject text, given_roles text[],
                issued_at_ms bigint, signature bytea) RETURNS void
                LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
                DECLARE
                    pads     record;
                    message  bytea;
                BEGIN
                    SELECT inner_pad, outer_pad INTO pads FROM platform.caller_context_key;
                    message := convert_to(
                        platform.caller_context_frame(pg_backend_pid()::text)
                        || platform.caller_context_frame(issued_at_ms::text)
                        || platform.caller_context_frame(coalesce(given_municipality, ''))
                        || platform.caller_context_frame(coalesce(given_region, ''))
                        || platform.caller_context_frame(coalesce(given_provider_id, ''))
                        || platform.caller_context_frame(coalesce(given_subject, ''))
                        || platform.caller_context_frame(coalesce(cardinality(given_roles), 0)::text)
                        || coalesce((SELECT string_agg(platform.caller_context_frame(r), '' ORDER BY i)
                                     FROM unnest(given_roles) WITH ORDINALITY AS u(r, i)), ''),
                        'UTF8');
                    IF pads.inner_pad IS NULL OR signature IS NULL
                       OR sha256(pads.outer_pad || sha256(pads.inner_pad || message)) <> signature THEN
                        RAISE EXCEPTION 'the caller context is not signed by the service' USING ERRCODE = 'insufficient_privilege';
                    END IF;
                    -- Bound to this backend and to a few minutes, so that a signed context seen once cannot be replayed.
                    IF abs(extract(epoch FROM clock_timestamp()) * 1000 - issued_at_ms) > 300000 THEN
                        RAISE EXCEPTION 'the caller context has expired' USING ERRCODE = 'insufficient_privilege';
                    END IF;
                    INSERT INTO platform.caller_contexts (backend, xact, municipality, region, provider_id, subject, roles)
                    VALUES (pg_backend_pid(), pg_current_xact_id(), nullif(given_municipality, ''), nullif(given_region, ''),
                            nullif(given_provider_id, ''), nullif(given_subject, ''), coalesce(given_roles, '{}'))
                    ON CONFLICT (backend) DO UPDATE SET
                        xact = excluded.xact, municipality = excluded.municipality, region = excluded.region,
                        provider_id = excluded.provider_id, subject = excluded.subject, roles = excluded.roles;
                END $$;

            -- What policies read. No row (no context set in this transaction) reads as NULL, and a policy comparing
            -- with NULL admits nothing. Parallel safe: a parallel query's workers share the leader's transaction id.
            CREATE OR REPLACE FUNCTION platform.current_municipality() RETURNS text
                LANGUAGE sql STABLE PARALLEL SAFE AS $$
                    SELECT municipality FROM platform.caller_contexts WHERE xact = pg_catalog.pg_current_xact_id_if_assigned() $$;
            CREATE OR REPLACE FUNCTION platform.current_region() RETURNS text
                LANGUAGE sql STABLE PARALLEL SAFE AS $$
                    SELECT region FROM platform.caller_contexts WHERE xact = pg_catalog.pg_current_xact_id_if_assigned() $$;
            CREATE OR REPLACE FUNCTION platform.current_provider() RETURNS text
                LANGUAGE sql STABLE PARALLEL SAFE AS $$
                    SELECT provider_id FROM platform.caller_contexts WHERE xact = pg_catalog.pg_current_xact_id_if_assigned() $$;
            CREATE OR REPLACE FUNCTION platform.current_subject() RETURNS text
                LANGUAGE sql STABLE PARALLEL SAFE AS $$
                    SELECT subject FROM platform.caller_contexts WHERE xact = pg_catalog.pg_current_xact_id_if_assigned() $$;
            CREATE OR REPLACE FUNCTION platform.has_role(role_name text) RETURNS boolean
                LANGUAGE sql STABLE PARALLEL SAFE AS $$
                    SELECT role_name = ANY (roles) FROM platform.caller_contexts WHERE xact = pg_catalog.pg_current_xact_id_if_assigned() $$;
            """;
        await using (var command = new NpgsqlCommand(sql, owner))
        {
            await command.ExecuteNonQueryAsync(ct);
        }

        var (inner, outer) = Sessions.CallerContextSeal.Pads(settings.CallerContextKey);
        await using var key = new NpgsqlCommand(
            """
            INSERT INTO platform.caller_context_key (inner_pad, outer_pad) VALUES ($1, $2)
            ON CONFLICT (only_row) DO UPDATE SET inner_pad = excluded.inner_pad, outer_pad = excluded.outer_pad
            """,
            owner);
        key.Parameters.AddWithValue(inner);
        key.Parameters.AddWithValue(outer);
        await key.ExecuteNonQueryAsync(ct);
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
