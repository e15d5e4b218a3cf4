-- Result agreements carry the definition version they were made on and one of four explicit comparisons.
ALTER TABLE result_agreements DROP CONSTRAINT result_agreements_comparison_check;
ALTER TABLE result_agreements ADD CONSTRAINT result_agreements_comparison_check
    CHECK (comparison IN ('at-least', 'more-than', 'at-most', 'less-than'));
ALTER TABLE result_agreements ADD COLUMN definition_version integer NOT NULL DEFAULT 1;

-- Measurements as provider systems submitted them, once per provider and measurement id, never changed
-- afterwards: a resubmission with other content is refused. Client references are the provider's pseudonyms.
CREATE TABLE measurements (
    provider_id      text NOT NULL,
    measurement_id   text NOT NULL,
    municipality     text NOT NULL,
    contract_id      uuid NOT NULL REFERENCES contracts (contract_id),
    population_id    uuid NOT NULL,
    kind             text NOT NULL CHECK (kind IN ('zrm', 'ladder', 'case-event', 'waiting-time', 'survey', 'narrative')),
    measured_on      date NOT NULL,
    content          jsonb NOT NULL,
    received_at      timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (provider_id, measurement_id)
);
CREATE INDEX measurements_by_contract ON measurements (contract_id, population_id, kind, measured_on);

ALTER TABLE measurements ENABLE ROW LEVEL SECURITY;
ALTER TABLE measurements FORCE ROW LEVEL SECURITY;
CREATE POLICY read_scoped ON measurements FOR SELECT
    USING (municipality = platform.current_municipality() OR provider_id = platform.current_provider());
-- A provider adds measurements only for a contract it is party to and one of that contract's populations.
-- No policy allows UPDATE or DELETE: a stored measurement stays as it was received.
CREATE POLICY provider_submits ON measurements FOR INSERT
    WITH CHECK (
        provider_id = platform.current_provider()
        AND EXISTS (
            SELECT 1 FROM contracts c
            WHERE c.contract_id = measurements.contract_id
              AND c.municipality = measurements.municipality
              AND platform.current_provider() = ANY (c.provider_ids)
              AND measurements.population_id = ANY (c.population_ids)));

-- Each result agreement's evaluation per period; a recomputation that changes it raises the revision.
CREATE TABLE evaluations (
    agreement_id        uuid NOT NULL,
    period_start        date NOT NULL,
    period_end          date NOT NULL,
    municipality        text NOT NULL,
    contract_id         uuid NOT NULL,
    indicator_code      text NOT NULL,
    definition_version  integer NOT NULL,
    comparison          text NOT NULL,
    norm                numeric NOT NULL,
    value               numeric,
    outcome             text NOT NULL CHECK (outcome IN ('met', 'not-met', 'insufficient-data')),
    revision            integer NOT NULL CHECK (revision >= 1),
    evaluated_at        timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (agreement_id, period_start)
);

ALTER TABLE evaluations ENABLE ROW LEVEL SECURITY;
ALTER TABLE evaluations FORCE ROW LEVEL SECURITY;
CREATE POLICY own_municipality ON evaluations FOR ALL
    USING (municipality = platform.current_municipality()) WITH CHECK (municipality = platform.current_municipality());

-- Which municipalities have new measurements or agreements since their last evaluation. Holds only municipality
-- codes and times, so the evaluator finds its work without a tenant context.
CREATE TABLE evaluation_state (
    municipality   text PRIMARY KEY,
    requested_at   timestamptz NOT NULL DEFAULT now(),
    evaluated_at   timestamptz
);
