-- What the budgets service knows of the other services (populations, their characteristics, contracts and the
-- evaluations of their result agreements), the allocation scenarios built on it, the budgets adopted from them,
-- and the history of every change. The first migration's two tables are replaced: a scenario's parameters are
-- versioned with the scenario, and a budget covers all populations of its contract.
DROP TABLE allocation_parameters;
DROP TABLE budget_versions;

CREATE TABLE populations (
    id            uuid PRIMARY KEY,
    municipality  text NOT NULL,
    name          text NOT NULL,
    status        text NOT NULL,
    areas         text[] NOT NULL,
    version       integer NOT NULL
);
CREATE INDEX populations_by_municipality ON populations (municipality);

-- Characteristics per area (CBS code of any level) and reference date ("peildatum"), as published.
-- A JSON null is a suppressed value: unknown, never zero.
CREATE TABLE area_characteristics (
    area_code       text NOT NULL,
    reference_date  date NOT NULL,
    municipality    text NOT NULL,
    "values"        jsonb NOT NULL,
    PRIMARY KEY (area_code, reference_date)
);
CREATE INDEX area_characteristics_by_municipality ON area_characteristics (municipality, reference_date);

CREATE TABLE contracts (
    id                       uuid PRIMARY KEY,
    municipality             text NOT NULL,
    name                     text NOT NULL,
    legal_form               text NOT NULL,
    contracting_provider_id  text NOT NULL,
    population_ids           uuid[] NOT NULL,
    starts_on                date NOT NULL,
    ends_on                  date NOT NULL,
    status                   text NOT NULL,
    result_agreements        jsonb NOT NULL,
    version                  integer NOT NULL
);
CREATE INDEX contracts_by_municipality ON contracts (municipality);

-- The newest revision of each result agreement's evaluation per period; bonus and malus are settled on it.
CREATE TABLE result_evaluations (
    agreement_id    uuid NOT NULL,
    period_start    date NOT NULL,
    period_end      date NOT NULL,
    municipality    text NOT NULL,
    contract_id     uuid NOT NULL,
    indicator_code  text NOT NULL,
    value           numeric,
    norm            numeric NOT NULL,
    outcome         text NOT NULL,
    revision        integer NOT NULL,
    PRIMARY KEY (agreement_id, period_start)
);
CREATE INDEX result_evaluations_by_contract ON result_evaluations (municipality, contract_id, period_start);

-- Allocation scenarios: one pool over the same populations as of one reference date. Each change of model,
-- pool or parameters is a new version, kept with its computed lines; a version is never changed.
CREATE TABLE scenarios (
    id              uuid PRIMARY KEY,
    municipality    text NOT NULL,
    name            text NOT NULL,
    reference_date  date NOT NULL,
    population_ids  uuid[] NOT NULL CHECK (cardinality(population_ids) > 0),
    created_by      text NOT NULL,
    created_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX scenarios_by_municipality ON scenarios (municipality, created_at);

CREATE TABLE scenario_versions (
    scenario_id   uuid NOT NULL REFERENCES scenarios (id),
    version       integer NOT NULL CHECK (version > 0),
    municipality  text NOT NULL,
    model         text NOT NULL CHECK (model IN ('weighted-characteristics', 'expected-clients', 'starting-budget', 'fixed-sum')),
    pool          numeric(14, 2) NOT NULL CHECK (pool > 0),
    parameters    jsonb NOT NULL,
    lines         jsonb NOT NULL,
    recorded_by   text NOT NULL,
    recorded_at   timestamptz NOT NULL DEFAULT now(),
    reason        text NOT NULL,
    PRIMARY KEY (scenario_id, version)
);

-- A budget per contract and year; its amounts are versions, of which at most one is adopted at a time.
CREATE TABLE budgets (
    id            uuid PRIMARY KEY,
    municipality  text NOT NULL,
    contract_id   uuid NOT NULL,
    year          integer NOT NULL,
    created_by    text NOT NULL,
    created_at    timestamptz NOT NULL DEFAULT now(),
    UNIQUE (municipality, contract_id, year)
);

CREATE TABLE budget_versions (
    budget_id         uuid NOT NULL REFERENCES budgets (id),
    version           integer NOT NULL CHECK (version > 0),
    municipality      text NOT NULL,
    scenario_id       uuid NOT NULL,
    scenario_version  integer NOT NULL,
    base_amount       numeric(14, 2) NOT NULL CHECK (base_amount >= 0),
    indexation        jsonb NOT NULL,
    amount            numeric(14, 2) NOT NULL CHECK (amount >= 0),
    holdback_share    numeric(5, 4) NOT NULL CHECK (holdback_share >= 0 AND holdback_share < 1),
    per_population    jsonb NOT NULL,
    status            text NOT NULL CHECK (status IN ('proposed', 'adopted', 'rejected', 'superseded')),
    proposed_by       text NOT NULL,
    proposed_at       timestamptz NOT NULL DEFAULT now(),
    reason            text NOT NULL,
    decided_by        text,
    decided_at        timestamptz,
    decision_reason   text,
    PRIMARY KEY (budget_id, version),
    -- Four eyes: whoever proposed a version never decides on it.
    CHECK (decided_by IS NULL OR decided_by <> proposed_by)
);
CREATE UNIQUE INDEX budget_versions_one_adopted ON budget_versions (budget_id) WHERE status = 'adopted';

-- Every change of a scenario, budget or version: who, when, which fields, before and after. Written by a
-- trigger, so no code path can change a row without leaving its record.
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

-- TG_ARGV: the entity's name and the column holding its id.
CREATE FUNCTION record_change() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
    DECLARE
        before_row jsonb := CASE WHEN TG_OP = 'UPDATE' THEN to_jsonb(OLD) END;
        after_row  jsonb := to_jsonb(NEW);
        fields     text[];
    BEGIN
        SELECT coalesce(array_agg(key ORDER BY key), '{}') INTO fields
        FROM jsonb_each(after_row) AS a(key, value)
        WHERE before_row IS NULL OR before_row -> key IS DISTINCT FROM value;
        IF TG_OP = 'UPDATE' AND cardinality(fields) = 0 THEN
            RETURN NEW;
        END IF;
        INSERT INTO change_history (entity, entity_id, municipality, operation, changed_fields, before, after, changed_by)
        VALUES (TG_ARGV[0], (after_row ->> TG_ARGV[1])::uuid, NEW.municipality, lower(TG_OP), fields, before_row, after_row,
                coalesce(platform.current_subject(), current_user));
        RETURN NEW;
    END $$;

CREATE TRIGGER scenarios_history AFTER INSERT OR UPDATE ON scenarios
    FOR EACH ROW EXECUTE FUNCTION record_change('scenario', 'id');
CREATE TRIGGER scenario_versions_history AFTER INSERT OR UPDATE ON scenario_versions
    FOR EACH ROW EXECUTE FUNCTION record_change('scenario-version', 'scenario_id');
CREATE TRIGGER budgets_history AFTER INSERT OR UPDATE ON budgets
    FOR EACH ROW EXECUTE FUNCTION record_change('budget', 'id');
CREATE TRIGGER budget_versions_history AFTER INSERT OR UPDATE ON budget_versions
    FOR EACH ROW EXECUTE FUNCTION record_change('budget-version', 'budget_id');

-- Row-level security, forced so the owner is bound by it too. The read models are written by the consumers in
-- the event's municipality context; scenarios and budgets only by policy advisors and controllers.
DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['populations', 'area_characteristics', 'contracts', 'result_evaluations'] LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
        EXECUTE format('CREATE POLICY own_municipality ON %I USING (municipality = platform.current_municipality())
                        WITH CHECK (municipality = platform.current_municipality())', t);
    END LOOP;
    FOREACH t IN ARRAY ARRAY['scenarios', 'scenario_versions', 'budgets', 'budget_versions'] LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
        EXECUTE format('CREATE POLICY read_own ON %I FOR SELECT USING (municipality = platform.current_municipality())', t);
        EXECUTE format('CREATE POLICY preparers_insert ON %I FOR INSERT WITH CHECK (municipality = platform.current_municipality()
                        AND (platform.has_role(''policy-advisor'') OR platform.has_role(''controller'')))', t);
        EXECUTE format('CREATE POLICY preparers_update ON %I FOR UPDATE
                        USING (municipality = platform.current_municipality() AND (platform.has_role(''policy-advisor'') OR platform.has_role(''controller'')))
                        WITH CHECK (municipality = platform.current_municipality())', t);
    END LOOP;
END $$;

-- History is read by its municipality and written only by the trigger (as the owner, in the changed row's
-- municipality); the application role can neither write nor delete it. Versions are never deleted or rewritten.
ALTER TABLE change_history ENABLE ROW LEVEL SECURITY;
ALTER TABLE change_history FORCE ROW LEVEL SECURITY;
CREATE POLICY read_own ON change_history FOR SELECT USING (municipality = platform.current_municipality());
CREATE POLICY recorded_in_context ON change_history FOR INSERT WITH CHECK (municipality = platform.current_municipality());
DO $$ BEGIN
    EXECUTE format('REVOKE INSERT, UPDATE, DELETE ON change_history FROM %I', current_database() || '_app');
    EXECUTE format('REVOKE DELETE ON scenarios, scenario_versions, budgets, budget_versions FROM %I', current_database() || '_app');
    EXECUTE format('REVOKE UPDATE ON scenario_versions FROM %I', current_database() || '_app');
END $$;
