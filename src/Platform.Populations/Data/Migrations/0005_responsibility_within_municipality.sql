-- A responsibility is recorded only for a population of the municipality it is recorded under: checked by the
-- database, so no code path can make a provider responsible for another municipality's population. The population
-- is read under its own policy, so a contract manager finds only their own municipality's.
--
-- The caller context is read from a table since the context became tamper-proof, so each call of its functions
-- costs an index lookup: the policies below call them as uncorrelated subqueries, computed once per statement
-- instead of once per row.
DROP POLICY contract_managers_insert ON responsibilities;
CREATE POLICY contract_managers_insert ON responsibilities FOR INSERT
    WITH CHECK (municipality = (SELECT platform.current_municipality()) AND (SELECT platform.has_role('contract-manager'))
        AND EXISTS (SELECT 1 FROM populations p
                    WHERE p.id = responsibilities.population_id AND p.municipality = responsibilities.municipality));
DROP POLICY contract_managers_update ON responsibilities;
CREATE POLICY contract_managers_update ON responsibilities FOR UPDATE
    USING (municipality = (SELECT platform.current_municipality()) AND (SELECT platform.has_role('contract-manager')))
    WITH CHECK (municipality = (SELECT platform.current_municipality()) AND (SELECT platform.has_role('contract-manager'))
        AND EXISTS (SELECT 1 FROM populations p
                    WHERE p.id = responsibilities.population_id AND p.municipality = responsibilities.municipality));

DROP POLICY read_scoped ON responsibilities;
CREATE POLICY read_scoped ON responsibilities FOR SELECT
    USING (municipality = (SELECT platform.current_municipality())
        OR provider_id = (SELECT platform.current_provider())
        OR coordinates_region_of(municipality));

DROP POLICY read_scoped ON populations;
CREATE POLICY read_scoped ON populations FOR SELECT
    USING (municipality = (SELECT platform.current_municipality())
        OR provider_is_responsible_for(id)
        OR coordinates_region_of(municipality));

-- The CBS import writes thousands of rows per file: the write check once per statement, not per row.
DROP POLICY insert_own ON areas;
CREATE POLICY insert_own ON areas FOR INSERT
    WITH CHECK ((SELECT platform.has_role('platform-admin'))
        OR (municipality = (SELECT platform.current_municipality()) AND (SELECT platform.has_role('policy-advisor'))));
DROP POLICY update_own ON areas;
CREATE POLICY update_own ON areas FOR UPDATE
    USING ((SELECT platform.has_role('platform-admin'))
        OR (municipality = (SELECT platform.current_municipality()) AND (SELECT platform.has_role('policy-advisor'))))
    WITH CHECK ((SELECT platform.has_role('platform-admin'))
        OR (municipality = (SELECT platform.current_municipality()) AND (SELECT platform.has_role('policy-advisor'))));
DROP POLICY insert_own ON area_characteristics;
CREATE POLICY insert_own ON area_characteristics FOR INSERT
    WITH CHECK ((SELECT platform.has_role('platform-admin'))
        OR (municipality = (SELECT platform.current_municipality()) AND (SELECT platform.has_role('policy-advisor'))));
DROP POLICY update_own ON area_characteristics;
CREATE POLICY update_own ON area_characteristics FOR UPDATE
    USING ((SELECT platform.has_role('platform-admin'))
        OR (municipality = (SELECT platform.current_municipality()) AND (SELECT platform.has_role('policy-advisor'))))
    WITH CHECK ((SELECT platform.has_role('platform-admin'))
        OR (municipality = (SELECT platform.current_municipality()) AND (SELECT platform.has_role('policy-advisor'))));
