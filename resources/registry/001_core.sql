-- 001: the registry's tables. Enterprises publish listings (offers of wastes and by-products,
-- needs of raw materials and energy); the regional operator proposes matches between them.
-- Applied by symbiosis_qgis/registry/migrations.py inside one transaction.

CREATE EXTENSION IF NOT EXISTS postgis;
CREATE SCHEMA IF NOT EXISTS registry;

-- The material catalogue (resources/materials.csv), synchronised by the migration runner so
-- that a listing can only name a catalogue material.
CREATE TABLE registry.material (
    code text PRIMARY KEY CONSTRAINT material_code_format CHECK (code ~ '^[a-z0-9_]+$'),
    name_en text NOT NULL,
    name_ru text NOT NULL DEFAULT '',
    category text NOT NULL DEFAULT '',
    unit text NOT NULL
);

CREATE TABLE registry.enterprise (
    fid bigint GENERATED ALWAYS AS IDENTITY UNIQUE,  -- integer key for QGIS
    ent_id text PRIMARY KEY
        CONSTRAINT ent_id_format CHECK (ent_id ~ '^[A-Za-z0-9_.-]{1,40}$'),
    inn text CONSTRAINT inn_is_10_or_12_digits CHECK (inn ~ '^([0-9]{10}|[0-9]{12})$'),
    okved2 text CONSTRAINT okved2_format CHECK (okved2 ~ '^[0-9]{2}(\.[0-9]{1,2}){0,3}$'),
    name text NOT NULL CONSTRAINT name_not_empty CHECK (length(name) > 0),
    name_ru text,
    sector text NOT NULL,
    node text NOT NULL,
    operator text,
    geom geometry(Point, 4326) NOT NULL,
    owner_login name NOT NULL CONSTRAINT one_enterprise_per_login UNIQUE,
    updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE registry.listing (
    listing_id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    ent_id text NOT NULL REFERENCES registry.enterprise (ent_id),
    kind text NOT NULL CONSTRAINT kind_offer_or_need CHECK (kind IN ('offer', 'need')),
    material text NOT NULL CONSTRAINT material_in_catalogue REFERENCES registry.material (code),
    -- FKKO: 11 digits stored without spaces: block 1-4 or 6-9 first, hazard class 1-5 last
    fkko text CONSTRAINT fkko_is_11_digits_ending_in_hazard_class
        CHECK (fkko ~ '^[1-46-9][0-9]{9}[1-5]$'),
    hazard_class smallint GENERATED ALWAYS AS (right(fkko, 1)::smallint) STORED,
    quantity numeric NOT NULL CONSTRAINT quantity_positive CHECK (quantity > 0),
    unit text NOT NULL
        CONSTRAINT unit_known CHECK (unit IN ('t/yr', 'thousand m3/yr', 'GJ/yr', 'MWh/yr')),
    quality text NOT NULL DEFAULT '',
    legal_status text  -- of an offer; NULL for a need
        CONSTRAINT legal_status_waste_or_by_product CHECK (legal_status IN ('waste', 'by_product')),
    price numeric CONSTRAINT price_not_negative CHECK (price >= 0),
    available_from date,
    available_to date,
    contract_term text NOT NULL DEFAULT '',
    visibility text NOT NULL DEFAULT 'members'
        CONSTRAINT visibility_known CHECK (visibility IN ('public', 'members', 'operator')),
    source text NOT NULL DEFAULT '',
    year integer CONSTRAINT year_plausible CHECK (year BETWEEN 1900 AND 2100),
    updated_at timestamptz NOT NULL DEFAULT now(),
    updated_by name NOT NULL DEFAULT current_user,
    CONSTRAINT available_to_after_from CHECK (available_to >= available_from)
);
CREATE INDEX listing_ent_id ON registry.listing (ent_id);
CREATE INDEX listing_material ON registry.listing (material);

CREATE TABLE registry.match (
    match_id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    supply_listing bigint NOT NULL REFERENCES registry.listing (listing_id) ON DELETE CASCADE,
    demand_listing bigint NOT NULL REFERENCES registry.listing (listing_id) ON DELETE CASCADE,
    rule_id text NOT NULL,
    dist_km double precision,
    potential double precision,
    unit text,
    status text NOT NULL DEFAULT 'proposed'
        CONSTRAINT status_known CHECK (status IN ('proposed', 'contacted', 'agreed', 'rejected')),
    note text NOT NULL DEFAULT '',
    changed_by name NOT NULL DEFAULT current_user,
    changed_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT one_match_per_pair_and_rule UNIQUE (supply_listing, demand_listing, rule_id)
);

-- Who changed a row and when is set by the database, never taken from the client; FKKO
-- codes typed with spaces ("6 11 100 01 40 4") are stored as their 11 digits.
CREATE FUNCTION registry.stamp_listing() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.fkko := nullif(regexp_replace(NEW.fkko, '\s', '', 'g'), '');
    NEW.updated_at := now();
    NEW.updated_by := current_user;
    RETURN NEW;
END
$$;
CREATE TRIGGER listing_stamp BEFORE INSERT OR UPDATE ON registry.listing
    FOR EACH ROW EXECUTE FUNCTION registry.stamp_listing();

CREATE FUNCTION registry.stamp_match() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.changed_at := now();
    NEW.changed_by := current_user;
    RETURN NEW;
END
$$;
CREATE TRIGGER match_stamp BEFORE INSERT OR UPDATE ON registry.match
    FOR EACH ROW EXECUTE FUNCTION registry.stamp_match();

CREATE FUNCTION registry.stamp_enterprise() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.updated_at := now();
    RETURN NEW;
END
$$;
CREATE TRIGGER enterprise_stamp BEFORE INSERT OR UPDATE ON registry.enterprise
    FOR EACH ROW EXECUTE FUNCTION registry.stamp_enterprise();

-- "6 11 100 01 40 4", the way FKKO codes are printed (and the plugin's flows carry them)
CREATE FUNCTION registry.format_fkko(code text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT substr(code, 1, 1) || ' ' || substr(code, 2, 2) || ' ' || substr(code, 4, 3) || ' '
        || substr(code, 7, 2) || ' ' || substr(code, 9, 2) || ' ' || substr(code, 11, 1)
$$;
