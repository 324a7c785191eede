"""core.fkko: FKKO codes of the catalogue and of the FKKO itself, and malformed ones."""

import pandas as pd
import pytest

from symbiosis_qgis.core.catalogue import load_materials
from symbiosis_qgis.core.fkko import (
    fkko_block_fits,
    hazard_class,
    needs_licence,
    parse_fkko,
    split_codes,
)
from symbiosis_qgis.paths import resource_path

# Hazard classes as the reference list and the FKKO name them in words ("low hazard" = IV,
# "practically non-hazardous" = V, "moderately hazardous" = III), not read from the digit.
NAMED = {
    "6 11 100 01 40 4": (4, "6", "6111"),  # fly ash, low hazard
    "6 11 200 01 21 4": (4, "6", "6112"),  # coal combustion slag, low hazard
    "6 11 400 01 20 5": (5, "6", "6114"),  # ash-slag mix, practically non-hazardous
    "6 11 400 02 20 4": (4, "6", "6114"),  # ash-slag mix, low hazard
    "4 61 204 11 20 3": (3, "4", "4612"),  # alloyed stainless steel scrap, moderately hazardous
    "3 15 111 21 20 4": (4, "3", "3151"),  # polyethylene granulation waste, low hazard
    "7 39 952 11 71 4": (4, "7", "7399"),  # litter from water-protection zones, low hazard
}


def catalogue_codes():
    frame = pd.read_csv(resource_path("materials.csv"), dtype=str, keep_default_na=False)
    return [(m, c) for m, cell in zip(frame["code"], frame["fkko"]) for c in split_codes(cell)]


def test_the_reference_codes_are_those_of_the_catalogue():
    full = {c for _, c in catalogue_codes() if "x" not in c}
    reference = {c for c in NAMED if c.startswith("6 11")}  # the project's reference list
    assert reference <= full
    for code in full:  # every full code of the catalogue parses, with a class 1-5
        assert parse_fkko(code).hazard_class in (1, 2, 3, 4, 5), code


@pytest.mark.parametrize("code", sorted(NAMED))
def test_hazard_class_block_and_group(code):
    expected_class, block, group = NAMED[code]
    parsed = parse_fkko(code)
    assert parsed.valid and parsed.hazard_class == expected_class
    assert (parsed.block, parsed.group) == (block, group)
    assert parsed.formatted() == code  # printed back as typed
    assert needs_licence(code) is (expected_class <= 4)
    # spaces optional, any spacing
    assert hazard_class(code.replace(" ", "")) == expected_class
    assert hazard_class("  " + code.replace(" ", "  ") + " ") == expected_class


@pytest.mark.parametrize(
    ("code", "error"),
    [
        ("", "empty"),
        (None, "empty"),
        (float("nan"), "empty"),
        ("6 11 100 01 40", "length"),  # hazard digit missing
        ("6 11 100 01 40 44", "length"),
        ("5 11 100 01 40 4", "block"),  # there is no block 5
        ("0 11 100 01 40 4", "block"),
        ("6 11 1OO 01 40 4", "characters"),  # letter O for zero
        ("6.11.100.01.40.4", "characters"),
        ("3 51 xxx xx xx x", "pattern"),  # catalogue pattern: group only
        ("2 00 1xx xx xx x", "pattern"),
    ],
)
def test_malformed_codes_give_a_reason_not_a_crash(code, error):
    parsed = parse_fkko(code)
    assert not parsed.valid and parsed.error == error
    assert parsed.hazard_class is None and needs_licence(code) is None
    assert parsed.message  # a sentence to show the user


def test_heading_entries_have_no_hazard_class():
    # 11th digit 0: a block / type / group heading of the catalogue, not a kind of waste
    parsed = parse_fkko("6 11 000 00 00 0")
    assert parsed.valid and parsed.is_heading and parsed.hazard_class is None


def test_a_code_read_as_a_number_still_parses():
    assert hazard_class(61110001404) == 4
    assert hazard_class(61110001404.0) == 4


@pytest.mark.parametrize(
    ("code", "material", "fits"),
    [
        ("6 11 100 01 40 4", "fly_ash", True),
        ("6 11 400 02 20 4", "ash_slag_mix", True),
        ("3 51 101 11 20 5", "bf_slag", True),  # the catalogue knows group 3 51 only
        ("6 11 100 01 40 4", "bf_slag", False),  # ash code on a slag flow
        ("2 11 200 01 39 5", "fly_ash", False),
        ("2 00 110 01 20 5", "overburden_rock", True),
        ("3 51 101 11 20 5", "overburden_rock", False),
        ("2 11 200 01 39 5", "coal_tailings", True),  # no code in the catalogue: by category
        ("2 11 200 01 39 5", "coal_waste", True),  # a category works too
        ("6 11 100 01 40 4", "metallurgical_slag", False),
        ("6 11 100 01 40 4", "heat", None),  # no waste code expected: cannot say
        ("not a code", "fly_ash", None),
    ],
)
def test_block_fits_material(code, material, fits):
    assert fkko_block_fits(code, material, load_materials()).fits is fits


def test_every_catalogue_code_fits_its_own_material():
    materials = load_materials()
    for material, code in catalogue_codes():
        if "x" not in code:
            assert fkko_block_fits(code, material, materials).fits is True, (material, code)


def test_digits_of_other_scripts_are_not_fkko_digits():
    """str.isdigit() holds for Arabic-Indic, superscript or fullwidth digits; a code must be
    ASCII digits (the registry's database refuses the others too)."""
    for code in ["6١١١٠٠٠١٤٠٤", "6111000140²", "6１１１０００１４０４"]:
        parsed = parse_fkko(code)
        assert not parsed.valid and parsed.error == "characters", code
        assert parsed.hazard_class is None
