-- A corrected CBS file for a reference date that was imported before replaces the figures; the
-- figures it replaced are kept here, with the imports on both sides, so no published figure is lost.
CREATE TABLE area_characteristics_corrections (
    id                 bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    area_code          text NOT NULL,
    reference_date     date NOT NULL,
    municipality       text NOT NULL,
    previous_values    jsonb NOT NULL,
    previous_import_id uuid NOT NULL,
    replaced_by_import uuid NOT NULL,
    replaced_at        timestamptz NOT NULL DEFAULT clock_timestamp(),
    replaced_by        text NOT NULL
);
CREATE INDEX area_characteristics_corrections_by_area ON area_characteristics_corrections (area_code, reference_date);

CREATE FUNCTION record_characteristics_correction() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
    BEGIN
        INSERT INTO area_characteristics_corrections
            (area_code, reference_date, municipality, previous_values, previous_import_id, replaced_by_import, replaced_by)
        VALUES (OLD.area_code, OLD.reference_date, OLD.municipality, OLD."values", OLD.import_id, NEW.import_id,
                coalesce(platform.current_subject(), current_user));
        RETURN NEW;
    END $$;

CREATE TRIGGER area_characteristics_corrections AFTER UPDATE ON area_characteristics
    FOR EACH ROW WHEN (OLD."values" IS DISTINCT FROM NEW."values")
    EXECUTE FUNCTION record_characteristics_correction();

ALTER TABLE area_characteristics_corrections ENABLE ROW LEVEL SECURITY;
CREATE POLICY read_all ON area_characteristics_corrections FOR SELECT USING (true);
DO $$ BEGIN
    EXECUTE format('REVOKE INSERT, UPDATE, DELETE ON area_characteristics_corrections FROM %I', current_database() || '_app');
END $$;
