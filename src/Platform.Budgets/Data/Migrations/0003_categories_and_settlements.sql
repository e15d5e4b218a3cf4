-- Category lump sums ("vierkant") of an adopted budget, the shifts between them that wait for approval, and
-- year-end settlements. Each has its history written by the same trigger as budgets, under the budget's id.

CREATE TABLE category_budgets (
    budget_id     uuid PRIMARY KEY REFERENCES budgets (id),
    municipality  text NOT NULL,
    categories    jsonb NOT NULL,
    set_by        text NOT NULL,
    set_at        timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE category_shifts (
    id             uuid PRIMARY KEY,
    budget_id      uuid NOT NULL REFERENCES budgets (id),
    municipality   text NOT NULL,
    from_category  text NOT NULL,
    to_category    text NOT NULL,
    amount         numeric(14, 2) NOT NULL CHECK (amount > 0),
    reason         text NOT NULL,
    status         text NOT NULL CHECK (status IN ('requested', 'approved', 'rejected')),
    requested_by   text NOT NULL,
    requested_at   timestamptz NOT NULL DEFAULT now(),
    decided_by     text,
    decided_at     timestamptz,
    -- Whoever requested a shift never decides on it.
    CHECK (decided_by IS NULL OR decided_by <> requested_by)
);
CREATE INDEX category_shifts_by_budget ON category_shifts (budget_id, requested_at);

-- A closed settlement of a budget's year: its lines (each with its reason) and balance, never changed after.
CREATE TABLE settlements (
    budget_id       uuid PRIMARY KEY REFERENCES budgets (id),
    municipality    text NOT NULL,
    budget_version  integer NOT NULL,
    legal_form      text NOT NULL,
    lines           jsonb NOT NULL,
    balance         numeric(14, 2) NOT NULL,
    closed_by       text NOT NULL,
    closed_at       timestamptz NOT NULL DEFAULT now()
);

CREATE TRIGGER category_budgets_history AFTER INSERT OR UPDATE ON category_budgets
    FOR EACH ROW EXECUTE FUNCTION record_change('category-budget', 'budget_id');
CREATE TRIGGER category_shifts_history AFTER INSERT OR UPDATE ON category_shifts
    FOR EACH ROW EXECUTE FUNCTION record_change('category-shift', 'budget_id');
CREATE TRIGGER settlements_history AFTER INSERT OR UPDATE ON settlements
    FOR EACH ROW EXECUTE FUNCTION record_change('settlement', 'budget_id');

DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['category_budgets', 'category_shifts', 'settlements'] LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
        EXECUTE format('CREATE POLICY read_own ON %I FOR SELECT USING (municipality = platform.current_municipality())', t);
        EXECUTE format('CREATE POLICY preparers_insert ON %I FOR INSERT WITH CHECK (municipality = platform.current_municipality()
                        AND (platform.has_role(''policy-advisor'') OR platform.has_role(''controller'')))', t);
        EXECUTE format('CREATE POLICY preparers_update ON %I FOR UPDATE
                        USING (municipality = platform.current_municipality() AND (platform.has_role(''policy-advisor'') OR platform.has_role(''controller'')))
                        WITH CHECK (municipality = platform.current_municipality())', t);
    END LOOP;
    EXECUTE format('REVOKE DELETE ON category_budgets, category_shifts, settlements FROM %I', current_database() || '_app');
    EXECUTE format('REVOKE UPDATE ON settlements FROM %I', current_database() || '_app');
END $$;
