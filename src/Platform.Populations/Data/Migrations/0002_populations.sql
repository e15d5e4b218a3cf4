-- Population definitions, the providers responsible for them, and the history of every change.

CREATE TABLE populations (
    id               uuid PRIMARY KEY,
    municipality     text NOT NULL,
    name             text NOT NULL,
    status           text NOT NULL CHECK (status IN ('draft', 'active', 'retired')),
    areas            text[] NOT NULL,
    age_from         integer NOT NULL,
    age_to           integer,
    laws             text[] NOT NULL,
    care_forms       text[] NOT NULL,
    diagnosis_group  text,
    valid_from       date NOT NULL,
    valid_to         date,
    version          integer NOT NULL,
    updated_at       timestamptz NOT NULL DEFAULT now(),
    updated_by       text NOT NULL
);
CREATE INDEX populations_by_municipality ON populations (municipality, status);

-- Who is responsible for a population over a period. Recorded here until the contracts service owns it.
CREATE TABLE responsibilities (
    id             uuid PRIMARY KEY,
    population_id  uuid NOT NULL REFERENCES populations (id),
    municipality   text NOT NULL,
    provider_id    text NOT NULL,
    valid_from     date NOT NULL,
    valid_to       date,
    recorded_at    timestamptz NOT NULL DEFAULT now(),
    recorded_by    text NOT NULL
);
CREATE INDEX responsibilities_by_provider ON responsibilities (provider_id, population_id);
CREATE INDEX responsibilities_by_population ON responsibilities (population_id);

-- The last published outcome of the overlap and gap analysis per municipality, so an event goes out
-- only when the outcome changes.
CREATE TABLE analysis_outcomes (
    municipality  text NOT NULL,
    analysis      text NOT NULL,
    fingerprint   text NOT NULL,
    updated_at    timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (municipality, analysis)
);

-- Every change of a population or responsibility: who, when, which fields, before and after.
-- Written by a trigger, so no code path can change a row without leaving its record.
CREATE TABLE change_history (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    entity          text NOT NULL,
    entity_id       uuid NOT NULL,
    municipality    text NOT NULL,
    operation       text NOT NULL,
    changed_fields  text[] NOT NULL,
    before          jsonb,
    after           jsonb NOT NULL,
    changed_by      text NOT NULL,
    changed_at      timestamptz NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX change_history_by_entity ON change_history (entity_id, id);

CREATE FUNCTION record_change() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
    DECLARE
        before_row jsonb := CASE WHEN TG_OP = 'UPDATE' THEN to_jsonb(OLD) END;
        after_row  jsonb := to_jsonb(NEW);
        fields     text[];
    BEGIN
        SELECT coalesce(array_agg(key ORDER BY key), '{}') INTO fields
        FROM jsonb_each(after_row) AS a(key, value)
        WHERE key NOT IN ('updated_at', 'version', 'recorded_at')
          AND (before_row IS NULL OR before_row -> key IS DISTINCT FROM value);
        IF TG_OP = 'UPDATE' AND cardinality(fields) = 0 THEN
            RETURN NEW;
        END IF;
        INSERT INTO change_history (entity, entity_id, municipality, operation, changed_fields, before, after, changed_by)
        VALUES (TG_ARGV[0], NEW.id, NEW.municipality, lower(TG_OP), fields, before_row, after_row,
                coalesce(platform.current_subject(), current_user));
        RETURN NEW;
    END $$;

CREATE TRIGGER populations_history AFTER INSERT OR UPDATE ON populations
    FOR EACH ROW EXECUTE FUNCTION record_change('population');
CREATE TRIGGER responsibilities_history AFTER INSERT OR UPDATE ON responsibilities
    FOR EACH ROW EXECUTE FUNCTION record_change('responsibility');

-- Row-level security. The helpers run as the owner (SECURITY DEFINER) so that policies can consult
-- the other tables without those tables' own policies getting in the way.
CREATE FUNCTION coordinates_region_of(row_municipality text) RETURNS boolean
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
        SELECT platform.has_role('region-coordinator') AND EXISTS (
            SELECT 1 FROM region_municipalities
            WHERE municipality = row_municipality AND region = platform.current_region())
    $$;

CREATE FUNCTION provider_is_responsible_for(population uuid) RETURNS boolean
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
        SELECT EXISTS (
            SELECT 1 FROM responsibilities
            WHERE population_id = population AND provider_id = platform.current_provider())
    $$;

ALTER TABLE populations ENABLE ROW LEVEL SECURITY;
CREATE POLICY read_scoped ON populations FOR SELECT
    USING (municipality = platform.current_municipality()
        OR coordinates_region_of(municipality)
        OR provider_is_responsible_for(id));
CREATE POLICY advisors_insert ON populations FOR INSERT
    WITH CHECK (municipality = platform.current_municipality() AND platform.has_role('policy-advisor'));
CREATE POLICY advisors_update ON populations FOR UPDATE
    USING (municipality = platform.current_municipality() AND platform.has_role('policy-advisor'))
    WITH CHECK (municipality = platform.current_municipality() AND platform.has_role('policy-advisor'));

ALTER TABLE responsibilities ENABLE ROW LEVEL SECURITY;
CREATE POLICY read_scoped ON responsibilities FOR SELECT
    USING (municipality = platform.current_municipality()
        OR coordinates_region_of(municipality)
        OR provider_id = platform.current_provider());
CREATE POLICY contract_managers_insert ON responsibilities FOR INSERT
    WITH CHECK (municipality = platform.current_municipality() AND platform.has_role('contract-manager'));
CREATE POLICY contract_managers_update ON responsibilities FOR UPDATE
    USING (municipality = platform.current_municipality() AND platform.has_role('contract-manager'))
    WITH CHECK (municipality = platform.current_municipality() AND platform.has_role('contract-manager'));

ALTER TABLE analysis_outcomes ENABLE ROW LEVEL SECURITY;
CREATE POLICY own_municipality ON analysis_outcomes
    USING (municipality = platform.current_municipality())
    WITH CHECK (municipality = platform.current_municipality());

-- History is read by the municipality it belongs to and written only by the trigger.
ALTER TABLE change_history ENABLE ROW LEVEL SECURITY;
CREATE POLICY read_own ON change_history FOR SELECT USING (municipality = platform.current_municipality());
DO $$ BEGIN
    EXECUTE format('REVOKE INSERT, UPDATE, DELETE ON change_history FROM %I', current_database() || '_app');
END $$;
