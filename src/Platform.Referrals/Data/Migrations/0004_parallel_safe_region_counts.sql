-- The regional figures only read, under the caller context that parallel workers inherit from the leader:
-- marked parallel safe, the aggregate over a large referral table can use a parallel plan.
ALTER FUNCTION region_referral_counts(text, date, date) PARALLEL SAFE;
