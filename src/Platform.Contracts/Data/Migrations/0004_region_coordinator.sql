-- A regional coordinator reads the contracts of the region's municipalities, so the region's aggregates can be
-- counted; the API gives the coordinator those counts only, never a contract.
CREATE POLICY region_coordinator_reads ON contracts FOR SELECT
    USING (platform.has_role('region-coordinator') AND municipality IN (
        SELECT m.municipality FROM region_municipalities m WHERE m.region = platform.current_region()));
