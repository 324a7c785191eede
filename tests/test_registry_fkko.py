"""One FKKO rule: the registry's Python side (core.fkko) and the database's CHECK constraint
accept exactly the same codes, store the same 11 digits and give the same hazard class.

The codes: every code and pattern of resources/materials.csv (column fkko), malformed ones,
and every character of the Basic Multilingual Plane in the places where a code could go
wrong (a separator, the block digit, the hazard-class digit).
"""

import pandas as pd
import pytest
from psycopg2 import errors

from symbiosis_qgis.core.fkko import parse_fkko, split_codes
from symbiosis_qgis.paths import resource_path
from symbiosis_qgis.registry.listings import fkko_digits, fkko_problem
from symbiosis_qgis.registry.migrations import sql_literal

from .registry_server import ENT_A, LOGIN_A, login_database, sample_registry

DB = "fkko"


def catalogue_codes():
    frame = pd.read_csv(resource_path("materials.csv"), dtype=str, keep_default_na=False)
    return sorted({code for cell in frame["fkko"] for code in split_codes(cell)})


MALFORMED = [
    "",
    "   ",
    "6 11 100 01 40",  # 10 digits
    "6 11 100 01 40 44",  # 12 digits
    "61110001404;61120001214",  # two codes in one
    "5 11 100 01 40 4",  # there is no block 5
    "0 11 100 01 40 4",
    "6 11 100 01 40 0",  # a heading of the catalogue: no hazard class
    "6 11 000 00 00 0",
    "6 11 100 01 40 6",  # hazard classes are 1-5
    "6 11 100 01 40 9",
    "6-11-100-01-40-4",  # hyphens are separators
    "6\u00a011\u00a0100\u00a001\u00a040\u00a04",  # no-break spaces
    "6\u202f11\u202f100\u202f01\u202f40\u202f4",  # narrow no-break spaces
    "\t61110001404\n",
    "6\u3000111000140 4",  # ideographic space
    "6.11.100.01.40.4",
    "6,11,100,01,40,4",
    "6_11_100_01_40_4",
    "6/11/100/01/40/4",
    "6\u200b1110001404",  # zero-width space: not a separator in Python either
    "6\u180e1110001404",  # Mongolian vowel separator: no longer whitespace in Unicode
    "6 11 100 01 40 4 x",
    "6 11 1xx xx xx x",
    "６１１１０００１４０４",  # fullwidth digits
    "6 11 100 01 40 4 ⛏️",
    "'; DROP TABLE registry.listing; --",
    "abc",
    "+61110001404",
    "61110001404.0",
]
# Characters for which str.isdigit() holds but that are not ASCII digits (Arabic-Indic,
# Devanagari, superscript, mathematical, fullwidth): core.fkko, the registry and the
# database all refuse them (core once took them after an ASCII block digit).
CORE_TAKES_OTHER_DIGITS = [
    "6١١١٠٠٠١٤٠٤",  # Arabic-Indic
    "6१११०००१४०४",  # Devanagari
    "6111000140²",  # superscript two: isdigit() but not a decimal digit
    "611100014𝟎𝟒",  # mathematical bold digits
    "6１１１０００１４０４",  # fullwidth
]
CODES = catalogue_codes() + MALFORMED + CORE_TAKES_OTHER_DIGITS


def registry_side(code):
    """What the registry's Python side does with a code: (accepted, digits stored, class)."""
    if fkko_problem(code) is not None:
        return False, None, None
    digits = fkko_digits(code) or None
    return True, digits, parse_fkko(code).hazard_class if digits else None


@pytest.fixture(scope="module")
def registry(registry_server):
    owner = sample_registry(registry_server, DB)
    listings = owner.execute("SELECT count(*) FROM registry.listing")[0][0]
    yield registry_server, owner, listings
    owner.close()


@pytest.fixture(scope="module")
def database_side(registry):
    """{code: (accepted, digits stored, hazard class)} as enterprise A writing each code as
    typed into registry.listing gets it: a refusal is the CHECK constraint's."""
    server = registry[0]
    a = login_database(server, DB, LOGIN_A)
    seen = {}
    try:
        for code in CODES:
            try:
                listing_id, digits, hazard = a.execute(
                    "INSERT INTO registry.listing (ent_id, kind, material, quantity, unit, "
                    f"legal_status, fkko) VALUES ('{ENT_A}', 'offer', 'fly_ash', 1, 't/yr', "
                    f"'waste', {sql_literal(code)}) RETURNING listing_id, fkko, hazard_class"
                )[0]
            except errors.CheckViolation as err:
                assert err.diag.constraint_name == "fkko_is_11_digits_ending_in_hazard_class"
                seen[code] = (False, None, None)
                continue
            a.execute(f"DELETE FROM registry.listing WHERE listing_id = {listing_id}")
            seen[code] = (True, digits, hazard)
    finally:
        a.close()
    return seen


def test_the_table_holds_valid_and_malformed_codes(database_side):
    accepted = [code for code, (ok, digits, _) in database_side.items() if ok and digits]
    refused = [code for code, (ok, _, _) in database_side.items() if not ok]
    assert len(accepted) >= 10 and len(refused) >= 20
    assert {c for c in catalogue_codes() if "x" not in c} <= set(accepted)


@pytest.mark.parametrize("code", CODES)
def test_registry_and_database_agree(database_side, code):
    assert registry_side(code) == database_side[code]


def core_side(code):
    """core.fkko itself: a listing's code is valid when parse_fkko gives a hazard class."""
    parsed = parse_fkko(code)
    if parsed.error == "empty":
        return True, None, None
    cls = parsed.hazard_class
    return (True, parsed.digits, cls) if cls is not None else (False, None, None)


@pytest.mark.parametrize(
    "code",
    [*catalogue_codes(), *MALFORMED, *CORE_TAKES_OTHER_DIGITS],
)
def test_core_fkko_and_database_agree(database_side, code):
    assert core_side(code) == database_side[code]


STORED_AS = """
CREATE OR REPLACE FUNCTION pg_temp.stored_fkko(code text) RETURNS text LANGUAGE plpgsql AS $$
DECLARE
    stored text;
BEGIN
    BEGIN
        INSERT INTO registry.listing (ent_id, kind, material, quantity, unit, legal_status,
                                      fkko)
        VALUES ({ent}, 'offer', 'fly_ash', 1, 't/yr', 'waste', code)
        RETURNING coalesce(fkko, '') || ':' || coalesce(hazard_class::text, '') INTO stored;
        RAISE EXCEPTION USING ERRCODE = 'SY001';  -- undo the row, keep the answer
    EXCEPTION
        WHEN check_violation THEN RETURN NULL;
        WHEN SQLSTATE 'SY001' THEN RETURN stored;
    END;
END
$$;
"""


def every_character():
    astral = [0x1F3ED, 0x1D7CE, 0x1D7D2, 0x1D7FF, 0x104A4, 0x10FFFD]
    return [chr(c) for c in range(1, 0x10000) if not 0xD800 <= c <= 0xDFFF] + [
        chr(c) for c in astral
    ]


@pytest.mark.parametrize(
    "place",
    [
        pytest.param(lambda c: "6" + c + "1110001404", id="separator"),
        pytest.param(lambda c: c + "1110001404", id="block"),
        pytest.param(lambda c: "6111000140" + c, id="hazard-class"),
    ],
)
def test_every_character_in_every_place(registry, place):
    """Both sides accept a character in a place exactly when the other does (the database
    as its owner, in a function that tries each insert and rolls it back)."""
    owner = registry[1]
    codes = [place(c) for c in every_character()]
    owner.execute(STORED_AS.format(ent=sql_literal(ENT_A)))
    array = "ARRAY[" + ",".join(sql_literal(code) for code in codes) + "]::text[]"
    rows = owner.execute(f"SELECT c, pg_temp.stored_fkko(c) FROM unnest({array}) AS c")
    database = dict(rows)
    assert len(database) == len(codes) and set(database) == set(codes)
    disagree = []
    for code in codes:
        accepted, digits, hazard = registry_side(code)
        python = f"{digits or ''}:{hazard or ''}" if accepted else None
        if python != database[code]:
            disagree.append((code.encode("unicode_escape").decode(), python, database[code]))
    assert disagree == []


def test_no_listing_was_left_behind(registry, database_side):
    _, owner, listings = registry
    assert owner.execute("SELECT count(*) FROM registry.listing") == [(listings,)]
