-- A referral is stored only in a population of its own municipality whose areas hold its neighbourhood (the
-- neighbourhood itself, its district or its municipality), and a status update only under its referral's
-- municipality: checked by the database, so no code path can file a referral where another municipality's figures
-- would count it. The population is read under its own policy, so a provider finds only those it answers for.
--
-- The caller context is read from a table since the context became tamper-proof, so each call of its functions
-- costs an index lookup: the policies below call them as uncorrelated subqueries, computed once per statement
-- instead of once per row.
DROP POLICY providers_insert ON referrals;
CREATE POLICY providers_insert ON referrals FOR INSERT
    WITH CHECK (provider_id = (SELECT platform.current_provider()) AND (SELECT platform.has_role('provider-system'))
        AND EXISTS (
            SELECT 1 FROM responsibilities r
            WHERE r.population_id = referrals.population_id AND r.provider_id = referrals.provider_id
              AND r.valid_from <= referrals.referral_date AND coalesce(r.valid_to, 'infinity'::date) >= referrals.referral_date)
        AND EXISTS (
            SELECT 1 FROM populations p
            WHERE p.id = referrals.population_id AND p.municipality = referrals.municipality
              AND (referrals.neighbourhood = ANY (p.areas)
                OR 'WK' || substr(referrals.neighbourhood, 3, 6) = ANY (p.areas)
                OR 'GM' || substr(referrals.neighbourhood, 3, 4) = ANY (p.areas))));
DROP POLICY providers_update ON referrals;
CREATE POLICY providers_update ON referrals FOR UPDATE
    USING (provider_id = (SELECT platform.current_provider()) AND (SELECT platform.has_role('provider-system')))
    WITH CHECK (provider_id = (SELECT platform.current_provider()));
DROP POLICY read_scoped ON referrals;
CREATE POLICY read_scoped ON referrals FOR SELECT
    USING (municipality = (SELECT platform.current_municipality()) OR provider_id = (SELECT platform.current_provider()));

DROP POLICY providers_insert ON status_updates;
CREATE POLICY providers_insert ON status_updates FOR INSERT
    WITH CHECK (provider_id = (SELECT platform.current_provider()) AND (SELECT platform.has_role('provider-system'))
        AND EXISTS (
            SELECT 1 FROM referrals r
            WHERE r.provider_id = status_updates.provider_id AND r.referral_id = status_updates.referral_id
              AND r.municipality = status_updates.municipality));
DROP POLICY read_scoped ON status_updates;
CREATE POLICY read_scoped ON status_updates FOR SELECT
    USING (municipality = (SELECT platform.current_municipality()) OR provider_id = (SELECT platform.current_provider()));

DROP POLICY read_scoped ON signal_counts;
CREATE POLICY read_scoped ON signal_counts FOR SELECT
    USING (municipality = (SELECT platform.current_municipality()) OR provider_id = (SELECT platform.current_provider()));
DROP POLICY providers_insert ON signal_counts;
CREATE POLICY providers_insert ON signal_counts FOR INSERT
    WITH CHECK (provider_id = (SELECT platform.current_provider()) AND (SELECT platform.has_role('provider-system')));
DROP POLICY providers_update ON signal_counts;
CREATE POLICY providers_update ON signal_counts FOR UPDATE
    USING (provider_id = (SELECT platform.current_provider()) AND (SELECT platform.has_role('provider-system')))
    WITH CHECK (provider_id = (SELECT platform.current_provider()));
DROP POLICY detector_rebuilds ON signal_counts;
CREATE POLICY detector_rebuilds ON signal_counts FOR ALL
    USING (municipality = (SELECT platform.current_municipality()) AND (SELECT platform.current_subject()) LIKE 'system:%')
    WITH CHECK (municipality = (SELECT platform.current_municipality()) AND (SELECT platform.current_subject()) LIKE 'system:%');

DROP POLICY read_scoped ON populations;
CREATE POLICY read_scoped ON populations FOR SELECT
    USING (municipality = (SELECT platform.current_municipality())
        OR EXISTS (SELECT 1 FROM responsibilities r
                   WHERE r.population_id = populations.id AND r.provider_id = (SELECT platform.current_provider())));
DROP POLICY read_scoped ON responsibilities;
CREATE POLICY read_scoped ON responsibilities FOR SELECT
    USING (municipality = (SELECT platform.current_municipality()) OR provider_id = (SELECT platform.current_provider()));
