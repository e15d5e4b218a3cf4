-- The contract's whole scope, obligations and result agreements, its lifecycle dates, the responsibilities an
-- active contract creates, the populations it may name (from the populations service's events) and amendments.

ALTER TABLE contracts
    ADD COLUMN care_forms               text[] NOT NULL DEFAULT '{}',
    ADD COLUMN access                   jsonb,
    ADD COLUMN obligations              jsonb NOT NULL DEFAULT '{"dutyToAccept": false, "reportingSchedule": []}',
    ADD COLUMN result_agreements        jsonb NOT NULL DEFAULT '[]',
    ADD COLUMN contracting_provider_id  text NOT NULL DEFAULT '',
    ADD COLUMN activated_at             timestamptz,
    ADD COLUMN ended_on                 date,
    ADD COLUMN end_reason               text,
    ADD CONSTRAINT ended_has_date CHECK ((status = 'ended') = (ended_on IS NOT NULL)),
    -- Under a subsidy no result agreement carries a malus either, whatever path writes the row.
    ADD CONSTRAINT no_malus_agreement_without_malus_form CHECK (
        legal_form IN ('agreement', 'partnership', 'framework')
        OR NOT jsonb_path_exists(result_agreements, '$[*] ? (@.incentive == "malus" || @.incentive == "bonus-malus")'));

-- A provider reads the contracts it is a party to once they are in force; drafts stay the municipality's.
DROP POLICY read_scoped ON contracts;
CREATE POLICY read_scoped ON contracts FOR SELECT
    USING (municipality = platform.current_municipality()
        OR (platform.current_provider() = ANY (provider_ids) AND status <> 'draft'));

-- A controller approves amendments (four eyes), which writes the contract's next version; the API lets a
-- controller do nothing else.
DROP POLICY own_municipality_update ON contracts;
CREATE POLICY own_municipality_update ON contracts FOR UPDATE
    USING (municipality = platform.current_municipality()
        AND (platform.has_role('contract-manager') OR platform.has_role('controller')))
    WITH CHECK (municipality = platform.current_municipality());

-- Populations as the populations service tells them: a contract may only name a population of its own municipality
-- that is known here, and only an active one when it comes into force.
CREATE TABLE populations (
    id            uuid PRIMARY KEY,
    municipality  text NOT NULL,
    name          text NOT NULL,
    status        text NOT NULL,
    laws          text[] NOT NULL,
    valid_from    date NOT NULL,
    valid_to      date,
    version       integer NOT NULL
);
CREATE INDEX populations_by_municipality ON populations (municipality, name);
ALTER TABLE populations ENABLE ROW LEVEL SECURITY;
ALTER TABLE populations FORCE ROW LEVEL SECURITY;
CREATE POLICY own_municipality ON populations FOR ALL
    USING (municipality = platform.current_municipality()) WITH CHECK (municipality = platform.current_municipality());

-- Region membership as the populations service tells it: readable by all, written by its consumer alone.
CREATE TABLE region_municipalities (
    region        text NOT NULL,
    municipality  text NOT NULL,
    PRIMARY KEY (region, municipality)
);
ALTER TABLE region_municipalities ENABLE ROW LEVEL SECURITY;
ALTER TABLE region_municipalities FORCE ROW LEVEL SECURITY;
CREATE POLICY read_all ON region_municipalities FOR SELECT USING (true);
CREATE POLICY system_writes ON region_municipalities FOR ALL
    USING (platform.current_municipality() IS NULL AND platform.current_subject() LIKE 'system:%')
    WITH CHECK (platform.current_municipality() IS NULL AND platform.current_subject() LIKE 'system:%');

-- Who answers for which population over which days. One row per population of an active (or ended) contract;
-- the exclusion constraint keeps two contracts from answering for the same population on the same day, even
-- when two activations race.
CREATE EXTENSION IF NOT EXISTS btree_gist;
CREATE TABLE responsibilities (
    contract_id    uuid NOT NULL REFERENCES contracts (id),
    population_id  uuid NOT NULL,
    municipality   text NOT NULL,
    provider_id    text NOT NULL,
    period         daterange NOT NULL,
    PRIMARY KEY (contract_id, population_id),
    CONSTRAINT one_responsible_per_population_and_day EXCLUDE USING gist (population_id WITH =, period WITH &&)
);
ALTER TABLE responsibilities ENABLE ROW LEVEL SECURITY;
ALTER TABLE responsibilities FORCE ROW LEVEL SECURITY;
CREATE POLICY own_municipality ON responsibilities FOR SELECT USING (municipality = platform.current_municipality());
CREATE POLICY contract_staff_write ON responsibilities FOR ALL
    USING (municipality = platform.current_municipality()
        AND (platform.has_role('contract-manager') OR platform.has_role('controller')))
    WITH CHECK (municipality = platform.current_municipality());

-- Amendments ("addenda"): the proposed terms of the contract's next version, approved by a second person. The
-- four-eyes rule holds here too: the row cannot be decided by whoever proposed it.
CREATE TABLE amendments (
    id                uuid PRIMARY KEY,
    contract_id       uuid NOT NULL REFERENCES contracts (id),
    municipality      text NOT NULL,
    based_on_version  integer NOT NULL,
    reason            text NOT NULL,
    terms             jsonb NOT NULL,
    status            text NOT NULL DEFAULT 'proposed' CHECK (status IN ('proposed', 'approved', 'rejected')),
    proposed_by       text NOT NULL DEFAULT platform.current_subject(),
    proposed_at       timestamptz NOT NULL DEFAULT clock_timestamp(),
    decided_by        text,
    decided_at        timestamptz,
    CHECK (proposed_by IS NOT NULL),
    CHECK ((status = 'proposed') = (decided_by IS NULL)),
    CHECK (decided_by IS DISTINCT FROM proposed_by)
);
CREATE INDEX amendments_by_contract ON amendments (contract_id, proposed_at);
ALTER TABLE amendments ENABLE ROW LEVEL SECURITY;
ALTER TABLE amendments FORCE ROW LEVEL SECURITY;
CREATE POLICY read_own ON amendments FOR SELECT USING (municipality = platform.current_municipality());
CREATE POLICY contract_managers_propose ON amendments FOR INSERT
    WITH CHECK (municipality = platform.current_municipality() AND platform.has_role('contract-manager')
        AND proposed_by = platform.current_subject() AND status = 'proposed');
CREATE POLICY second_person_decides ON amendments FOR UPDATE
    USING (municipality = platform.current_municipality() AND status = 'proposed'
        AND (platform.has_role('contract-manager') OR platform.has_role('controller')))
    WITH CHECK (municipality = platform.current_municipality() AND decided_by = platform.current_subject());

DO $$ BEGIN
    EXECUTE format('REVOKE DELETE, TRUNCATE ON amendments FROM %I', current_database() || '_app');
END $$;
