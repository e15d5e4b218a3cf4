-- The monthly counts the signals watch, per neighbourhood, population and provider, kept up to date in the
-- transaction of every referral and status update: computing a municipality's signals then reads thousands of
-- rows instead of every referral. cost_shifting counts referrals to a cost-shifting destination by referral
-- month and endings with JZ588 code 39 by the month they ended; personal_budget referrals to a PGB; started and
-- waited_long (longer than the waiting norm) by the month help started.
CREATE TABLE signal_counts (
    municipality     text NOT NULL,
    neighbourhood    text NOT NULL,
    population_id    uuid NOT NULL,
    provider_id      text NOT NULL,
    month            date NOT NULL,
    cost_shifting    bigint NOT NULL DEFAULT 0,
    personal_budget  bigint NOT NULL DEFAULT 0,
    started          bigint NOT NULL DEFAULT 0,
    waited_long      bigint NOT NULL DEFAULT 0,
    PRIMARY KEY (municipality, month, neighbourhood, population_id, provider_id)
);

-- The waiting norm the municipality's waited_long counts were built with; another norm makes the detector
-- rebuild them from the referrals.
ALTER TABLE detection_state ADD COLUMN waiting_norm_days integer;

ALTER TABLE signal_counts ENABLE ROW LEVEL SECURITY;
CREATE POLICY read_scoped ON signal_counts FOR SELECT
    USING (municipality = platform.current_municipality() OR provider_id = platform.current_provider());
CREATE POLICY providers_insert ON signal_counts FOR INSERT
    WITH CHECK (provider_id = platform.current_provider() AND platform.has_role('provider-system'));
CREATE POLICY providers_update ON signal_counts FOR UPDATE
    USING (provider_id = platform.current_provider() AND platform.has_role('provider-system'))
    WITH CHECK (provider_id = platform.current_provider());

-- The detector rebuilds a municipality's counts in that municipality's context, as the system.
CREATE POLICY detector_rebuilds ON signal_counts FOR ALL
    USING (municipality = platform.current_municipality() AND platform.current_subject() LIKE 'system:%')
    WITH CHECK (municipality = platform.current_municipality() AND platform.current_subject() LIKE 'system:%');
