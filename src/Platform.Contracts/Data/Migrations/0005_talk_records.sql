-- What a held steering talk recorded: the story behind the figures ("tellen én vertellen"), the provider's account
-- and the municipality's, and the decisions taken, each optionally on one item of that talk's agenda. Contract
-- managers write them; a trigger the application role cannot bypass keeps every write, who and when, before and
-- after, in talk_history.

CREATE TABLE talk_narratives (
    talk_id               uuid PRIMARY KEY REFERENCES steering_talks (id),
    contract_id           uuid NOT NULL REFERENCES contracts (id),
    municipality          text NOT NULL,
    provider_account      text,
    municipality_account  text,
    version               integer NOT NULL DEFAULT 1,
    recorded_by           text NOT NULL DEFAULT platform.current_subject(),
    recorded_at           timestamptz NOT NULL DEFAULT clock_timestamp(),
    CHECK (provider_account IS NOT NULL OR municipality_account IS NOT NULL)
);

-- A decision tied to an agenda item names an item of its own talk: the pair is the key it refers to.
ALTER TABLE agenda_items ADD CONSTRAINT agenda_items_item_on_talk UNIQUE (id, talk_id);

CREATE TABLE talk_decisions (
    id              uuid PRIMARY KEY,
    talk_id         uuid NOT NULL REFERENCES steering_talks (id),
    contract_id     uuid NOT NULL REFERENCES contracts (id),
    municipality    text NOT NULL,
    agenda_item_id  uuid,
    text            text NOT NULL,
    recorded_by     text NOT NULL DEFAULT platform.current_subject(),
    recorded_at     timestamptz NOT NULL DEFAULT clock_timestamp(),
    FOREIGN KEY (agenda_item_id, talk_id) REFERENCES agenda_items (id, talk_id)
);
CREATE INDEX talk_decisions_by_talk ON talk_decisions (talk_id, recorded_at);

CREATE TABLE talk_history (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    talk_id       uuid NOT NULL REFERENCES steering_talks (id),
    contract_id   uuid NOT NULL REFERENCES contracts (id),
    municipality  text NOT NULL,
    record        text NOT NULL,
    operation     text NOT NULL,
    before        jsonb,
    after         jsonb NOT NULL,
    changed_by    text NOT NULL,
    changed_at    timestamptz NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX talk_history_by_talk ON talk_history (talk_id, id);

CREATE FUNCTION record_talk_change() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
    BEGIN
        INSERT INTO talk_history (talk_id, contract_id, municipality, record, operation, before, after, changed_by)
        VALUES (NEW.talk_id, NEW.contract_id, NEW.municipality, TG_ARGV[0], lower(TG_OP),
                CASE WHEN TG_OP = 'UPDATE' THEN to_jsonb(OLD) END, to_jsonb(NEW),
                coalesce(platform.current_subject(), current_user));
        RETURN NEW;
    END $$;

CREATE TRIGGER talk_narratives_history AFTER INSERT OR UPDATE ON talk_narratives
    FOR EACH ROW EXECUTE FUNCTION record_talk_change('narrative');
CREATE TRIGGER talk_decisions_history AFTER INSERT OR UPDATE ON talk_decisions
    FOR EACH ROW EXECUTE FUNCTION record_talk_change('decision');

-- Readers of the municipality see them; only its contract managers write.
ALTER TABLE talk_narratives ENABLE ROW LEVEL SECURITY;
ALTER TABLE talk_narratives FORCE ROW LEVEL SECURITY;
CREATE POLICY read_own ON talk_narratives FOR SELECT USING (municipality = platform.current_municipality());
CREATE POLICY contract_managers_write ON talk_narratives FOR INSERT
    WITH CHECK (municipality = platform.current_municipality() AND platform.has_role('contract-manager'));
CREATE POLICY contract_managers_rewrite ON talk_narratives FOR UPDATE
    USING (municipality = platform.current_municipality() AND platform.has_role('contract-manager'))
    WITH CHECK (municipality = platform.current_municipality());

ALTER TABLE talk_decisions ENABLE ROW LEVEL SECURITY;
ALTER TABLE talk_decisions FORCE ROW LEVEL SECURITY;
CREATE POLICY read_own ON talk_decisions FOR SELECT USING (municipality = platform.current_municipality());
CREATE POLICY contract_managers_write ON talk_decisions FOR INSERT
    WITH CHECK (municipality = platform.current_municipality() AND platform.has_role('contract-manager'));

ALTER TABLE talk_history ENABLE ROW LEVEL SECURITY;
ALTER TABLE talk_history FORCE ROW LEVEL SECURITY;
CREATE POLICY read_own ON talk_history FOR SELECT USING (municipality = platform.current_municipality());

-- A decision taken stays as it was taken; a correction is a further decision.
DO $$ BEGIN
    EXECUTE format('REVOKE DELETE, TRUNCATE ON talk_narratives FROM %I', current_database() || '_app');
    EXECUTE format('REVOKE UPDATE, DELETE, TRUNCATE ON talk_decisions FROM %I', current_database() || '_app');
    EXECUTE format('REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON talk_history FROM %I', current_database() || '_app');
END $$;
