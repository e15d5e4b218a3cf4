-- Budgets per contract, population and year, as approved versions. Every tenant table is scoped to its
-- municipality by row-level security, forced so that the owner is bound by it too.

CREATE TABLE allocation_parameters (
    id            uuid PRIMARY KEY,
    municipality  text NOT NULL,
    model         text NOT NULL CHECK (model IN ('weighted-characteristics', 'expected-clients', 'starting-budget', 'fixed-sum')),
    version       int  NOT NULL,
    parameters    jsonb NOT NULL,
    recorded_by   text NOT NULL,
    recorded_at   timestamptz NOT NULL DEFAULT now(),
    reason        text NOT NULL
);
CREATE INDEX allocation_parameters_by_municipality ON allocation_parameters (municipality, model, version);

CREATE TABLE budget_versions (
    budget_id      uuid NOT NULL,
    version        int  NOT NULL,
    municipality   text NOT NULL,
    contract_id    uuid NOT NULL,
    population_id  uuid NOT NULL,
    year           int  NOT NULL,
    amount         numeric(14, 2) NOT NULL CHECK (amount >= 0),
    holdback_share numeric(5, 4) NOT NULL CHECK (holdback_share >= 0 AND holdback_share <= 1),
    status         text NOT NULL CHECK (status IN ('proposed', 'approved', 'rejected')),
    proposed_by    text NOT NULL,
    proposed_at    timestamptz NOT NULL DEFAULT now(),
    reason         text NOT NULL,
    decided_by     text,
    decided_at     timestamptz,
    PRIMARY KEY (budget_id, version),
    -- Four eyes: whoever proposed a version never decides on it.
    CHECK (decided_by IS NULL OR decided_by <> proposed_by)
);
CREATE INDEX budget_versions_by_contract ON budget_versions (municipality, contract_id, year);

ALTER TABLE allocation_parameters ENABLE ROW LEVEL SECURITY;
ALTER TABLE allocation_parameters FORCE ROW LEVEL SECURITY;
CREATE POLICY own_municipality ON allocation_parameters
    USING (municipality = platform.current_municipality())
    WITH CHECK (municipality = platform.current_municipality());

ALTER TABLE budget_versions ENABLE ROW LEVEL SECURITY;
ALTER TABLE budget_versions FORCE ROW LEVEL SECURITY;
CREATE POLICY own_municipality ON budget_versions
    USING (municipality = platform.current_municipality())
    WITH CHECK (municipality = platform.current_municipality());
