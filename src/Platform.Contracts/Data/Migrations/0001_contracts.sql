-- Contracts of the municipalities: who answers for which populations, on which terms. Each change raises the
-- version; the trigger keeps the row before and after in contract_history, which the application cannot change.

CREATE TABLE contracts (
    id                 uuid PRIMARY KEY,
    municipality       text NOT NULL,
    name               text NOT NULL,
    legal_form         text NOT NULL,
    status             text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'active', 'ended')),
    parties            jsonb NOT NULL,
    start_date         date NOT NULL,
    end_date           date NOT NULL,
    evaluation_dates   date[] NOT NULL,
    extension_options  integer NOT NULL,
    extension_months   integer NOT NULL,
    extensions_used    integer NOT NULL DEFAULT 0 CHECK (extensions_used BETWEEN 0 AND extension_options),
    notice_months      integer NOT NULL,
    populations        uuid[] NOT NULL,
    laws               text[] NOT NULL,
    has_malus          boolean NOT NULL,
    notes              text,
    provider_ids       text[] NOT NULL,
    version            integer NOT NULL DEFAULT 1,
    CHECK (end_date > start_date),
    -- Under a subsidy a malus or claw-back is refused, whatever path writes the row.
    CHECK (NOT has_malus OR legal_form IN ('agreement', 'partnership', 'framework'))
);
CREATE INDEX contracts_by_municipality ON contracts (municipality);
CREATE INDEX contracts_by_provider ON contracts USING gin (provider_ids);

CREATE TABLE contract_history (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    contract_id   uuid NOT NULL REFERENCES contracts (id),
    municipality  text NOT NULL,
    version       integer NOT NULL,
    operation     text NOT NULL,
    before        jsonb,
    after         jsonb NOT NULL,
    changed_by    text NOT NULL,
    changed_at    timestamptz NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX contract_history_by_contract ON contract_history (contract_id, id);

CREATE FUNCTION record_contract_change() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
    BEGIN
        INSERT INTO contract_history (contract_id, municipality, version, operation, before, after, changed_by)
        VALUES (NEW.id, NEW.municipality, NEW.version, lower(TG_OP),
                CASE WHEN TG_OP = 'UPDATE' THEN to_jsonb(OLD) END, to_jsonb(NEW),
                coalesce(platform.current_subject(), current_user));
        RETURN NEW;
    END $$;

CREATE TRIGGER contracts_history AFTER INSERT OR UPDATE ON contracts
    FOR EACH ROW EXECUTE FUNCTION record_contract_change();

-- Municipal staff see and write their own municipality's contracts; a provider reads those it is a party to.
ALTER TABLE contracts ENABLE ROW LEVEL SECURITY;
ALTER TABLE contracts FORCE ROW LEVEL SECURITY;
CREATE POLICY read_scoped ON contracts FOR SELECT
    USING (municipality = platform.current_municipality() OR platform.current_provider() = ANY (provider_ids));
CREATE POLICY own_municipality_insert ON contracts FOR INSERT
    WITH CHECK (municipality = platform.current_municipality() AND platform.has_role('contract-manager'));
CREATE POLICY own_municipality_update ON contracts FOR UPDATE
    USING (municipality = platform.current_municipality() AND platform.has_role('contract-manager'))
    WITH CHECK (municipality = platform.current_municipality());

ALTER TABLE contract_history ENABLE ROW LEVEL SECURITY;
ALTER TABLE contract_history FORCE ROW LEVEL SECURITY;
CREATE POLICY read_own ON contract_history FOR SELECT USING (municipality = platform.current_municipality());

DO $$ BEGIN
    EXECUTE format('REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON contract_history FROM %I', current_database() || '_app');
    EXECUTE format('REVOKE DELETE, TRUNCATE ON contracts FROM %I', current_database() || '_app');
END $$;
