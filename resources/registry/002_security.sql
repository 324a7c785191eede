-- 002: roles and row-level security.
-- registry_enterprise: group of the enterprise logins (one real login per enterprise; the
--   login named in enterprise.owner_login owns that enterprise's listings).
-- registry_operator: the regional operator, reads everything and manages matches.
-- registry_anonymous: reads only the aggregated views of schema registry_public.
-- Roles are cluster-wide, so they are created only when missing.

DO $$
DECLARE
    group_name text;
BEGIN
    FOREACH group_name IN ARRAY ARRAY['registry_enterprise', 'registry_operator',
                                       'registry_anonymous'] LOOP
        IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = group_name) THEN
            EXECUTE format('CREATE ROLE %I NOLOGIN', group_name);
        END IF;
    END LOOP;
    -- only the registry's roles may connect, and nobody may create temporary objects
    EXECUTE format('REVOKE CONNECT, TEMPORARY ON DATABASE %I FROM PUBLIC', current_database());
    EXECUTE format('GRANT CONNECT ON DATABASE %I TO registry_enterprise, registry_operator, '
                   'registry_anonymous', current_database());
END
$$;

REVOKE ALL ON SCHEMA registry FROM PUBLIC;
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
GRANT USAGE ON SCHEMA registry TO registry_enterprise, registry_operator;
REVOKE ALL ON ALL TABLES IN SCHEMA registry FROM PUBLIC;
REVOKE ALL ON ALL FUNCTIONS IN SCHEMA registry FROM PUBLIC;
GRANT EXECUTE ON FUNCTION registry.format_fkko(text) TO registry_enterprise, registry_operator;

GRANT SELECT ON registry.material TO registry_enterprise, registry_operator;

-- Enterprises: members see each other (names, sectors, locations); a login edits its own
-- enterprise's description but never ent_id or owner_login (no column privilege on them).
GRANT SELECT ON registry.enterprise TO registry_enterprise, registry_operator;
GRANT UPDATE (inn, okved2, name, name_ru, sector, node, operator, geom)
    ON registry.enterprise TO registry_enterprise;

-- Listings: ent_id is the owner field: it can be set on insert (to one's own enterprise
-- only, by the policies below) and never updated.
GRANT SELECT, DELETE ON registry.listing TO registry_enterprise;
GRANT INSERT (ent_id, kind, material, fkko, quantity, unit, quality, legal_status, price,
              available_from, available_to, contract_term, visibility, source, year)
    ON registry.listing TO registry_enterprise;
GRANT UPDATE (kind, material, fkko, quantity, unit, quality, legal_status, price,
              available_from, available_to, contract_term, visibility, source, year)
    ON registry.listing TO registry_enterprise;
GRANT SELECT ON registry.listing TO registry_operator;

GRANT SELECT ON registry.match TO registry_enterprise;
GRANT SELECT, INSERT, DELETE ON registry.match TO registry_operator;
GRANT UPDATE (status, note) ON registry.match TO registry_operator;

GRANT SELECT ON registry.schema_version TO registry_enterprise, registry_operator;

ALTER TABLE registry.enterprise ENABLE ROW LEVEL SECURITY;
ALTER TABLE registry.listing ENABLE ROW LEVEL SECURITY;
ALTER TABLE registry.match ENABLE ROW LEVEL SECURITY;

-- The enterprises a login owns (normally one). Not SECURITY DEFINER: it reads the
-- enterprise table with the caller's rights, which the policies below allow.
CREATE FUNCTION registry.my_enterprises() RETURNS SETOF text
LANGUAGE sql STABLE AS $$
    SELECT ent_id FROM registry.enterprise WHERE owner_login = current_user
$$;
REVOKE ALL ON FUNCTION registry.my_enterprises() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION registry.my_enterprises() TO registry_enterprise, registry_operator;

CREATE POLICY enterprise_members_read ON registry.enterprise FOR SELECT
    TO registry_enterprise, registry_operator USING (true);
CREATE POLICY enterprise_owner_update ON registry.enterprise FOR UPDATE
    TO registry_enterprise
    USING (owner_login = current_user)
    WITH CHECK (owner_login = current_user);

CREATE POLICY listing_members_read ON registry.listing FOR SELECT
    TO registry_enterprise
    USING (visibility IN ('public', 'members')
           OR ent_id IN (SELECT registry.my_enterprises()));
CREATE POLICY listing_owner_insert ON registry.listing FOR INSERT
    TO registry_enterprise
    WITH CHECK (ent_id IN (SELECT registry.my_enterprises()));
CREATE POLICY listing_owner_update ON registry.listing FOR UPDATE
    TO registry_enterprise
    USING (ent_id IN (SELECT registry.my_enterprises()))
    WITH CHECK (ent_id IN (SELECT registry.my_enterprises()));
CREATE POLICY listing_owner_delete ON registry.listing FOR DELETE
    TO registry_enterprise
    USING (ent_id IN (SELECT registry.my_enterprises()));
CREATE POLICY listing_operator_read ON registry.listing FOR SELECT
    TO registry_operator USING (true);

-- An enterprise sees the matches that involve one of its own listings, and only when it
-- may see the other listing too: a match never reveals an operator-only listing. (The
-- subqueries read registry.listing under the reader's own policies.)
CREATE POLICY match_party_read ON registry.match FOR SELECT
    TO registry_enterprise
    USING ((SELECT count(*) FROM registry.listing AS l
            WHERE l.listing_id IN (supply_listing, demand_listing)) = 2
           AND EXISTS (SELECT FROM registry.listing AS l
                       WHERE l.listing_id IN (supply_listing, demand_listing)
                         AND l.ent_id IN (SELECT registry.my_enterprises())));
CREATE POLICY match_operator_read ON registry.match FOR SELECT
    TO registry_operator USING (true);
CREATE POLICY match_operator_insert ON registry.match FOR INSERT
    TO registry_operator WITH CHECK (true);
CREATE POLICY match_operator_update ON registry.match FOR UPDATE
    TO registry_operator USING (true) WITH CHECK (true);
CREATE POLICY match_operator_delete ON registry.match FOR DELETE
    TO registry_operator USING (true);

-- Logins are made by the database owner (a superuser or a CREATEROLE role):
--   SELECT registry.create_login('ent_pp04', 'secret', 'enterprise');
-- An existing login gets the new password and the group. The login of an enterprise is
-- then named in enterprise.owner_login.
CREATE FUNCTION registry.create_login(login name, password text, kind text) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
    group_name text := CASE kind WHEN 'enterprise' THEN 'registry_enterprise'
                                 WHEN 'operator' THEN 'registry_operator'
                                 WHEN 'anonymous' THEN 'registry_anonymous' END;
BEGIN
    IF group_name IS NULL THEN
        RAISE EXCEPTION 'login kind must be enterprise, operator or anonymous, not %', kind;
    END IF;
    IF EXISTS (SELECT FROM pg_roles WHERE rolname = login) THEN
        EXECUTE format('ALTER ROLE %I LOGIN PASSWORD %L', login, password);
    ELSE
        EXECUTE format('CREATE ROLE %I LOGIN PASSWORD %L', login, password);
    END IF;
    EXECUTE format('GRANT %I TO %I', group_name, login);
END
$$;
REVOKE ALL ON FUNCTION registry.create_login(name, text, text) FROM PUBLIC;
