-- The steering talks ("regiegesprekken") of a contract: talks on its rhythm, the agenda items raised for the next
-- one (by hand, by a referral signal, by a result agreement not met) and the actions agreed, which stay on every
-- next agenda until they are closed. A cause puts one item on the agenda, however often its event arrives.

ALTER TABLE populations ADD COLUMN areas text[] NOT NULL DEFAULT '{}';

CREATE TABLE steering_talks (
    id            uuid PRIMARY KEY,
    contract_id   uuid NOT NULL REFERENCES contracts (id),
    municipality  text NOT NULL,
    held_on       date NOT NULL,
    status        text NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'held')),
    UNIQUE (contract_id, held_on)
);

CREATE TABLE agenda_items (
    id            uuid PRIMARY KEY,
    contract_id   uuid NOT NULL REFERENCES contracts (id),
    municipality  text NOT NULL,
    talk_id       uuid REFERENCES steering_talks (id),
    cause         text NOT NULL CHECK (cause IN ('by-hand', 'referral-signal', 'result-not-met')),
    cause_key     text NOT NULL,
    title         text NOT NULL,
    figures       jsonb,
    confidential  boolean NOT NULL DEFAULT false,
    raised_at     timestamptz NOT NULL DEFAULT clock_timestamp(),
    UNIQUE (contract_id, cause, cause_key)
);
CREATE INDEX agenda_items_by_talk ON agenda_items (contract_id, talk_id);

CREATE TABLE actions (
    id            uuid PRIMARY KEY,
    contract_id   uuid NOT NULL REFERENCES contracts (id),
    municipality  text NOT NULL,
    description   text NOT NULL,
    owner         text NOT NULL,
    due_on        date NOT NULL,
    status        text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
    created_at    timestamptz NOT NULL DEFAULT clock_timestamp(),
    closed_at     timestamptz,
    CHECK ((status = 'closed') = (closed_at IS NOT NULL))
);
CREATE INDEX actions_by_contract ON actions (contract_id, status);

-- Each its municipality's own; the event consumers write in the event's municipality context.
ALTER TABLE steering_talks ENABLE ROW LEVEL SECURITY;
ALTER TABLE steering_talks FORCE ROW LEVEL SECURITY;
CREATE POLICY own_municipality ON steering_talks FOR ALL
    USING (municipality = platform.current_municipality()) WITH CHECK (municipality = platform.current_municipality());
ALTER TABLE agenda_items ENABLE ROW LEVEL SECURITY;
ALTER TABLE agenda_items FORCE ROW LEVEL SECURITY;
CREATE POLICY own_municipality ON agenda_items FOR ALL
    USING (municipality = platform.current_municipality()) WITH CHECK (municipality = platform.current_municipality());
ALTER TABLE actions ENABLE ROW LEVEL SECURITY;
ALTER TABLE actions FORCE ROW LEVEL SECURITY;
CREATE POLICY own_municipality ON actions FOR ALL
    USING (municipality = platform.current_municipality()) WITH CHECK (municipality = platform.current_municipality());

DO $$ BEGIN
    EXECUTE format('REVOKE DELETE, TRUNCATE ON steering_talks, agenda_items, actions FROM %I', current_database() || '_app');
END $$;
