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

-- The generated column hazard_class casts the last character to a number before the CHECK
-- constraint is tested: a code ending in a letter would be refused with "invalid input
-- syntax for type smallint". Refuse it here in the constraint's own name instead.
CREATE OR REPLACE FUNCTION registry.stamp_listing() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.fkko := registry.fkko_digits(NEW.fkko);
    IF right(NEW.fkko, 1) !~ '^[0-9]$' THEN
        RAISE EXCEPTION USING
            ERRCODE = 'check_violation',
            MESSAGE = 'new row for relation "listing" violates check constraint '
                      '"fkko_is_11_digits_ending_in_hazard_class"',
            DETAIL = format('FKKO code %s does not end in a digit.', NEW.fkko),
            SCHEMA = 'registry', TABLE = 'listing',
            CONSTRAINT = 'fkko_is_11_digits_ending_in_hazard_class';
    END IF;
    NEW.updated_at := now();
    NEW.updated_by := current_user;
    RETURN NEW;
END
$$;
