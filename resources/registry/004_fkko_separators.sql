-- 004: FKKO codes are read by the same rule in the database as in the plugin
-- (symbiosis_qgis/core/fkko.py, parse_fkko): the separators allowed between the digits are
-- every character Python's \s matches, the no-break spaces U+00A0 and U+202F, and the
-- hyphen, listed here explicitly so that the rule does not depend on the server's locale.
-- The CHECK constraint of 001 (11 digits, block 1-4 or 6-9, hazard class 1-5) is unchanged;
-- tests/test_registry_fkko.py checks that both sides accept exactly the same codes.

CREATE FUNCTION registry.fkko_digits(code text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT nullif(regexp_replace(
        code,
        '[\u0009-\u000d\u001c-\u0020\u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000-]',
        '', 'g'), '')
$$;
REVOKE ALL ON FUNCTION registry.fkko_digits(text) FROM PUBLIC;
-- the listing trigger runs with the writer's rights, so the writers may call it
GRANT EXECUTE ON FUNCTION registry.fkko_digits(text) TO registry_enterprise, registry_operator;

CREATE OR REPLACE FUNCTION registry.stamp_listing() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.fkko := registry.fkko_digits(NEW.fkko);
    NEW.updated_at := now();
    NEW.updated_by := current_user;
    RETURN NEW;
END
$$;
