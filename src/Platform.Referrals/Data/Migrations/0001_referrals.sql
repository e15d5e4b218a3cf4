-- What the referrals service knows of the populations service, kept from its events: which populations
-- exist, who is responsible for them, how many people live where, and which municipalities form a region.

CREATE TABLE populations (
    id            uuid PRIMARY KEY,
    municipality  text NOT NULL,
    name          text NOT NULL,
    status        text NOT NULL,
    areas         text[] NOT NULL,
    age_from      integer NOT NULL,
    age_to        integer,
    valid_from    date NOT NULL,
    valid_to      date,
    version       integer NOT NULL
);
CREATE INDEX populations_by_municipality ON populations (municipality);

CREATE TABLE responsibilities (
    id             uuid PRIMARY KEY,
    population_id  uuid NOT NULL,
    municipality   text NOT NULL,
    provider_id    text NOT NULL,
    valid_from     date NOT NULL,
    valid_to       date
);
CREATE INDEX responsibilities_by_provider ON responsibilities (provider_id, population_id);

-- CBS figures per neighbourhood and reference date ("peildatum"): the denominators of the rates.
-- NULL is unknown (suppressed by CBS), never zero.
CREATE TABLE neighbourhood_figures (
    neighbourhood   text NOT NULL,
    reference_date  date NOT NULL,
    municipality    text NOT NULL,
    inhabitants     double precision,
    age_0_14        double precision,
    age_15_24       double precision,
    age_25_44       double precision,
    age_45_64       double precision,
    age_65_plus     double precision,
    PRIMARY KEY (neighbourhood, reference_date)
);
CREATE INDEX neighbourhood_figures_by_municipality ON neighbourhood_figures (municipality, reference_date);

-- Region membership is public reference data kept by platform administrators; it carries no tenant's data,
-- so it has no row-level security.
CREATE TABLE region_municipalities (
    region        text NOT NULL,
    municipality  text NOT NULL,
    PRIMARY KEY (region, municipality)
);

-- Referrals as providers submit them: one row per provider and referral id, so a resubmission finds its row.
-- The client reference is the provider's pseudonym; a BSN never gets this far.
CREATE TABLE referrals (
    provider_id       text NOT NULL,
    referral_id       text NOT NULL,
    municipality      text NOT NULL,
    population_id     uuid NOT NULL,
    client_reference  text NOT NULL,
    neighbourhood     text NOT NULL,
    age_band          smallint NOT NULL,
    referral_date     date NOT NULL,
    referring_team    text NOT NULL,
    referrer_type     smallint NOT NULL,
    destination_type  smallint NOT NULL,
    life_domain       smallint NOT NULL,
    urgency           smallint NOT NULL,
    status            smallint,
    started_on        date,
    ended_on          date,
    end_reason        smallint,
    received_at       timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (provider_id, referral_id)
);
CREATE INDEX referrals_by_municipality ON referrals (municipality, referral_date);

-- Every status a provider reported, in order: the referral's history.
CREATE TABLE status_updates (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    provider_id   text NOT NULL,
    referral_id   text NOT NULL,
    municipality  text NOT NULL,
    status        smallint NOT NULL,
    status_date   date NOT NULL,
    end_reason    smallint,
    recorded_at   timestamptz NOT NULL DEFAULT now(),
    FOREIGN KEY (provider_id, referral_id) REFERENCES referrals (provider_id, referral_id)
);
CREATE INDEX status_updates_by_referral ON status_updates (provider_id, referral_id, id);

-- When each municipality's referrals last changed and its signals were last computed, through which period.
-- Holds only municipality codes and times, so the detector can find its work without a tenant context.
CREATE TABLE detection_state (
    municipality      text PRIMARY KEY,
    requested_at      timestamptz NOT NULL DEFAULT now(),
    detected_at       timestamptz,
    detected_through  date
);

-- Signals: one row per breach (unit, kind, period kind, the period it began), so recomputing never raises
-- the same breach twice.
CREATE TABLE signals (
    id               uuid PRIMARY KEY,
    municipality     text NOT NULL,
    unit_kind        text NOT NULL,
    unit_id          text NOT NULL,
    unit_name        text NOT NULL,
    kind             text NOT NULL,
    period_kind      text NOT NULL,
    breach_start     date NOT NULL,
    reason           text NOT NULL,
    trigger_period   date NOT NULL,
    figures          jsonb NOT NULL,
    state            text NOT NULL CHECK (state IN ('open', 'acknowledged', 'closed')),
    closed_in        date,
    raised_at        timestamptz NOT NULL DEFAULT now(),
    acknowledged_at  timestamptz,
    acknowledged_by  text,
    comment          text,
    version          integer NOT NULL DEFAULT 1,
    UNIQUE (municipality, unit_kind, unit_id, kind, period_kind, breach_start)
);
CREATE INDEX signals_by_municipality ON signals (municipality, state, raised_at);

-- What happened to each signal: raised, acknowledged with a comment, closed. Written only by the trigger.
CREATE TABLE signal_history (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    signal_id     uuid NOT NULL REFERENCES signals (id),
    municipality  text NOT NULL,
    state         text NOT NULL,
    comment       text,
    changed_by    text NOT NULL,
    changed_at    timestamptz NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX signal_history_by_signal ON signal_history (signal_id, id);

CREATE FUNCTION record_signal_change() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
    BEGIN
        IF TG_OP = 'UPDATE' AND OLD.state IS NOT DISTINCT FROM NEW.state AND OLD.comment IS NOT DISTINCT FROM NEW.comment THEN
            RETURN NEW;
        END IF;
        INSERT INTO signal_history (signal_id, municipality, state, comment, changed_by)
        VALUES (NEW.id, NEW.municipality, NEW.state,
                CASE WHEN TG_OP = 'INSERT' OR OLD.comment IS DISTINCT FROM NEW.comment THEN NEW.comment END,
                coalesce(platform.current_subject(), current_user));
        RETURN NEW;
    END $$;

CREATE TRIGGER signals_history AFTER INSERT OR UPDATE ON signals
    FOR EACH ROW EXECUTE FUNCTION record_signal_change();

-- Row-level security. A provider reads and writes only its own referrals, and submits only for a population
-- it is responsible for on the referral date; municipal staff read their own municipality's.
CREATE FUNCTION provider_is_responsible(population uuid, provider text, on_day date) RETURNS boolean
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
        SELECT EXISTS (
            SELECT 1 FROM responsibilities
            WHERE population_id = population AND provider_id = provider
              AND valid_from <= on_day AND coalesce(valid_to, 'infinity'::date) >= on_day)
    $$;

ALTER TABLE referrals ENABLE ROW LEVEL SECURITY;
CREATE POLICY read_scoped ON referrals FOR SELECT
    USING (municipality = platform.current_municipality() OR provider_id = platform.current_provider());
CREATE POLICY providers_insert ON referrals FOR INSERT
    WITH CHECK (provider_id = platform.current_provider() AND platform.has_role('provider-system')
        AND provider_is_responsible(population_id, provider_id, referral_date));
CREATE POLICY providers_update ON referrals FOR UPDATE
    USING (provider_id = platform.current_provider() AND platform.has_role('provider-system'))
    WITH CHECK (provider_id = platform.current_provider());

ALTER TABLE status_updates ENABLE ROW LEVEL SECURITY;
CREATE POLICY read_scoped ON status_updates FOR SELECT
    USING (municipality = platform.current_municipality() OR provider_id = platform.current_provider());
CREATE POLICY providers_insert ON status_updates FOR INSERT
    WITH CHECK (provider_id = platform.current_provider() AND platform.has_role('provider-system'));

-- The read models are written by the consumers in the event's municipality context.
ALTER TABLE populations ENABLE ROW LEVEL SECURITY;
CREATE POLICY read_scoped ON populations FOR SELECT
    USING (municipality = platform.current_municipality()
        OR EXISTS (SELECT 1 FROM responsibilities r WHERE r.population_id = populations.id AND r.provider_id = platform.current_provider()));
CREATE POLICY own_municipality_insert ON populations FOR INSERT WITH CHECK (municipality = platform.current_municipality());
CREATE POLICY own_municipality_update ON populations FOR UPDATE
    USING (municipality = platform.current_municipality()) WITH CHECK (municipality = platform.current_municipality());

ALTER TABLE responsibilities ENABLE ROW LEVEL SECURITY;
CREATE POLICY read_scoped ON responsibilities FOR SELECT
    USING (municipality = platform.current_municipality() OR provider_id = platform.current_provider());
CREATE POLICY own_municipality_insert ON responsibilities FOR INSERT WITH CHECK (municipality = platform.current_municipality());
CREATE POLICY own_municipality_update ON responsibilities FOR UPDATE
    USING (municipality = platform.current_municipality()) WITH CHECK (municipality = platform.current_municipality());

-- CBS figures are public; only the municipality's own events write them.
ALTER TABLE neighbourhood_figures ENABLE ROW LEVEL SECURITY;
CREATE POLICY read_all ON neighbourhood_figures FOR SELECT USING (true);
CREATE POLICY own_municipality_insert ON neighbourhood_figures FOR INSERT WITH CHECK (municipality = platform.current_municipality());
CREATE POLICY own_municipality_update ON neighbourhood_figures FOR UPDATE
    USING (municipality = platform.current_municipality()) WITH CHECK (municipality = platform.current_municipality());

ALTER TABLE signals ENABLE ROW LEVEL SECURITY;
CREATE POLICY own_municipality ON signals
    USING (municipality = platform.current_municipality())
    WITH CHECK (municipality = platform.current_municipality());

ALTER TABLE signal_history ENABLE ROW LEVEL SECURITY;
CREATE POLICY read_own ON signal_history FOR SELECT USING (municipality = platform.current_municipality());
DO $$ BEGIN
    EXECUTE format('REVOKE INSERT, UPDATE, DELETE ON signal_history FROM %I', current_database() || '_app');
    EXECUTE format('REVOKE DELETE ON referrals, status_updates, signals FROM %I', current_database() || '_app');
END $$;

-- A regional coordinator sees the region's figures per municipality, never a referral, neighbourhood or
-- provider: this function is their only way in, and it aggregates before anything leaves the database.
CREATE FUNCTION region_referral_counts(period_unit text, from_day date, to_day date)
    RETURNS TABLE (municipality text, period_start date, destination_type smallint, referrals bigint)
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
        SELECT r.municipality, date_trunc(period_unit, r.referral_date)::date, r.destination_type, count(*)
        FROM referrals r
        JOIN region_municipalities m ON m.municipality = r.municipality AND m.region = platform.current_region()
        WHERE platform.has_role('region-coordinator') AND period_unit IN ('month', 'quarter', 'year')
          AND r.referral_date BETWEEN from_day AND to_day
        GROUP BY 1, 2, 3
    $$;
