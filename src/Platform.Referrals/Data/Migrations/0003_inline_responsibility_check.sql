-- The check that a provider submits only for a population it answers for, as a plain subquery instead of a
-- SECURITY DEFINER function: the planner can inline it, where the function was called once per inserted row
-- (a third of a large batch's insert time). A provider reads its own responsibilities under their policy, so
-- the subquery sees exactly what the function saw.
DROP POLICY providers_insert ON referrals;
CREATE POLICY providers_insert ON referrals FOR INSERT
    WITH CHECK (provider_id = platform.current_provider() AND platform.has_role('provider-system')
        AND EXISTS (
            SELECT 1 FROM responsibilities r
            WHERE r.population_id = referrals.population_id AND r.provider_id = platform.current_provider()
              AND r.valid_from <= referrals.referral_date AND coalesce(r.valid_to, 'infinity'::date) >= referrals.referral_date));
DROP FUNCTION provider_is_responsible(uuid, text, date);
