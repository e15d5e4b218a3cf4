-- The row-level security helpers only read, and read the caller context that parallel workers inherit from the
-- leader: marked parallel safe, a policy calling them no longer keeps a large scan on a single process.
ALTER FUNCTION may_write_areas_of(text) PARALLEL SAFE;
ALTER FUNCTION coordinates_region_of(text) PARALLEL SAFE;
ALTER FUNCTION provider_is_responsible_for(uuid) PARALLEL SAFE;
