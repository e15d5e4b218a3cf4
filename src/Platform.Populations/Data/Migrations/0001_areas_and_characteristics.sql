-- CBS areas, the regions that group municipalities, and area characteristics per reference date.
-- CBS figures are public: every caller may read them. Only a municipality's policy advisors (for
-- their own areas) and platform administrators may write them.

CREATE TABLE regions (
    code  text PRIMARY KEY,
    name  text NOT NULL
);

CREATE TABLE region_municipalities (
    municipality  text PRIMARY KEY,
    region        text NOT NULL REFERENCES regions (code)
);

CREATE TABLE areas (
    code          text PRIMARY KEY,
    level         text NOT NULL CHECK (level IN ('municipality', 'district', 'neighbourhood')),
    municipality  text NOT NULL,
    name          text NOT NULL,
    updated_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX areas_by_municipality ON areas (municipality, level);

-- One row per area and reference date ("peildatum"); the values are keyed by characteristic, and a
-- JSON null is a value CBS suppressed: unknown, never zero.
CREATE TABLE area_characteristics (
    area_code       text NOT NULL REFERENCES areas (code),
    reference_date  date NOT NULL,
    municipality    text NOT NULL,
    "values"        jsonb NOT NULL,
    import_id       uuid NOT NULL,
    recorded_at     timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (area_code, reference_date)
);
CREATE INDEX area_characteristics_by_municipality ON area_characteristics (municipality, reference_date);

CREATE TABLE cbs_imports (
    id                       uuid PRIMARY KEY,
    municipality             text,
    reference_date           date NOT NULL,
    source_name              text NOT NULL,
    imported_by              text NOT NULL,
    imported_at              timestamptz NOT NULL DEFAULT now(),
    rows_read                integer NOT NULL,
    areas_added              integer NOT NULL,
    characteristics_changed  integer NOT NULL,
    unchanged                integer NOT NULL,
    rejected                 jsonb NOT NULL
);

CREATE FUNCTION may_write_areas_of(area_municipality text) RETURNS boolean
    LANGUAGE sql STABLE AS $$
        SELECT platform.has_role('platform-admin')
            OR (area_municipality = platform.current_municipality() AND platform.has_role('policy-advisor'))
    $$;

ALTER TABLE regions ENABLE ROW LEVEL SECURITY;
CREATE POLICY read_all ON regions FOR SELECT USING (true);
CREATE POLICY admin_writes ON regions FOR ALL USING (platform.has_role('platform-admin')) WITH CHECK (platform.has_role('platform-admin'));

ALTER TABLE region_municipalities ENABLE ROW LEVEL SECURITY;
CREATE POLICY read_all ON region_municipalities FOR SELECT USING (true);
CREATE POLICY admin_writes ON region_municipalities FOR ALL USING (platform.has_role('platform-admin')) WITH CHECK (platform.has_role('platform-admin'));

ALTER TABLE areas ENABLE ROW LEVEL SECURITY;
CREATE POLICY read_all ON areas FOR SELECT USING (true);
CREATE POLICY insert_own ON areas FOR INSERT WITH CHECK (may_write_areas_of(municipality));
CREATE POLICY update_own ON areas FOR UPDATE USING (may_write_areas_of(municipality)) WITH CHECK (may_write_areas_of(municipality));

ALTER TABLE area_characteristics ENABLE ROW LEVEL SECURITY;
CREATE POLICY read_all ON area_characteristics FOR SELECT USING (true);
CREATE POLICY insert_own ON area_characteristics FOR INSERT WITH CHECK (may_write_areas_of(municipality));
CREATE POLICY update_own ON area_characteristics FOR UPDATE USING (may_write_areas_of(municipality)) WITH CHECK (may_write_areas_of(municipality));

ALTER TABLE cbs_imports ENABLE ROW LEVEL SECURITY;
CREATE POLICY read_own ON cbs_imports FOR SELECT
    USING (municipality = platform.current_municipality() OR platform.has_role('platform-admin'));
CREATE POLICY insert_own ON cbs_imports FOR INSERT
    WITH CHECK (platform.has_role('platform-admin') OR (municipality = platform.current_municipality() AND platform.has_role('policy-advisor')));
