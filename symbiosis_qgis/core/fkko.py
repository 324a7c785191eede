"""FKKO codes (Federal Waste Classification Catalogue of Russia): parse, validate, classify.

Structure, as set by the catalogue (Rosprirodnadzor order No. 242 of 22 May 2017, "On the
approval of the Federal Waste Classification Catalogue", section II): 11 digits, usually
printed in groups "6 11 100 01 40 4".

- digits 1-8: origin and composition; the hierarchy is block (digit 1), type (digits 1-2),
  subtype (1-3), group (1-4), subgroup (1-8 with the form digits 00);
- digits 9-10: aggregate state and physical form (00 = not needed);
- digit 11: hazard class to the environment, 1 to 5 (I extremely hazardous ... V practically
  non-hazardous) for a kind of waste; 0 marks a block, type, subtype, group or subgroup entry,
  which has no hazard class of its own.

Blocks 1-4 and 6-9 exist; there is no block 5. The catalogue's own entries in
resources/materials.csv use "x" for unknown digits ("3 51 xxx xx xx x": group only); such a
pattern is not a code, but its known leading digits still say which block fits a material.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pandas as pd

from .text import QT_TRANSLATE_NOOP

# pylupdate5 skips a QT_TRANSLATE_NOOP call with a trailing comma: keep the formatter out

# fmt: off
BLOCKS = {
    "1": QT_TRANSLATE_NOOP("@default", "Waste of agriculture, forestry, fish farming and fishing"),
    "2": QT_TRANSLATE_NOOP("@default", "Waste of mining"),
    "3": QT_TRANSLATE_NOOP("@default", "Waste of manufacturing"),
    "4": QT_TRANSLATE_NOOP(
        "@default",
        "Waste of consumption; materials and products that lost their consumer properties"
    ),
    "6": QT_TRANSLATE_NOOP("@default", "Waste of electricity, gas and steam supply"),
    "7": QT_TRANSLATE_NOOP(
        "@default",
        "Waste of water supply, sewerage and of collecting, treating and disposing of waste"
    ),
    "8": QT_TRANSLATE_NOOP("@default", "Waste of construction and repair"),
    "9": QT_TRANSLATE_NOOP("@default", "Waste of other activities"),
}
# fmt: on
HAZARD_CLASS_ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV", 5: "V"}
LICENSED_CLASSES = (1, 2, 3, 4)  # Federal Law 89-FZ art. 9: activities with class I-IV waste

# Which FKKO blocks a material category's waste belongs to, when the material catalogue gives
# no code for the material itself. Categories whose flows are not waste under the law (gas,
# heat, water, primary materials) expect no code: an empty tuple.
CATEGORY_BLOCKS = {
    "mining_rock": ("2",),  # 2 00: overburden and host rock of mining
    "coal_waste": ("2",),  # 2 11: waste of coal mining and preparation
    "ash_slag": ("6",),  # 6 11: ash and slag of heat and power plants
    "metallurgical_slag": ("3",),  # 3 51 - 3 55: slag of ferrous and non-ferrous metallurgy
    "fuel": (),
    "gas": (),
    "heat": (),
    "water": (),
    # the wider catalogue's families: every block a code of the family may stand in
    "gypsum": ("3", "6"),  # phosphogypsum: chemical manufacturing; FGD gypsum: power plants
    "chemical_byproduct": ("3",),  # 3 1x: chemical manufacturing
    "organic_residue": ("1", "3", "7"),  # manure (1), food and wood (3), sewage sludge (7)
    "metallurgical_residue": ("3", "4"),  # refractories, red mud (3); scrap (4 6x)
    "electricity": (),
}

# pylupdate5 skips a QT_TRANSLATE_NOOP call with a trailing comma: keep the formatter out

# fmt: off
MSG = {
    "empty": QT_TRANSLATE_NOOP("@default", "FKKO code is empty"),
    "characters": QT_TRANSLATE_NOOP(
        "@default", "FKKO code '{code}' holds characters other than digits and spaces"
    ),
    "length": QT_TRANSLATE_NOOP(
        "@default", "FKKO code '{code}' has {digits} digits instead of 11"
    ),
    "block": QT_TRANSLATE_NOOP(
        "@default", "FKKO code '{code}' starts with {block}: there is no such block"
    ),
    "pattern": QT_TRANSLATE_NOOP(
        "@default",
        "FKKO code '{code}' is a pattern with unknown digits (x), not the code of a waste"
    ),
}
# fmt: on

_SEPARATORS = re.compile(r"[\s\u00a0\u202f\-]+")


@dataclass(frozen=True)
class FkkoCode:
    """A parsed FKKO code (``digits`` without spaces) or the reason it is not one."""

    text: str
    digits: str = ""
    error: str = ""  # a key of MSG; empty when the code is valid
    params: tuple = ()

    @property
    def valid(self) -> bool:
        return not self.error

    @property
    def message(self) -> str:
        """The English message of the error (translate ``MSG[error]`` in the adapters)."""
        return MSG[self.error].format(**dict(self.params)) if self.error else ""

    @property
    def block(self) -> str:
        return self.digits[:1]

    @property
    def type(self) -> str:
        return self.digits[:2]

    @property
    def subtype(self) -> str:
        return self.digits[:3]

    @property
    def group(self) -> str:
        return self.digits[:4]

    @property
    def subgroup(self) -> str:
        return self.digits[:8]

    @property
    def form(self) -> str:
        return self.digits[8:10]

    @property
    def hazard_class(self) -> int | None:
        """1-5 for a kind of waste; None for an invalid code or a catalogue heading (0)."""
        if not self.valid:
            return None
        digit = int(self.digits[10])
        return digit if 1 <= digit <= 5 else None

    @property
    def is_heading(self) -> bool:
        """A block, type, subtype, group or subgroup entry (11th digit 0), not a kind."""
        return self.valid and self.digits[10] == "0"

    def formatted(self) -> str:
        """The usual printed form: "6 11 100 01 40 4"."""
        d = self.digits
        if not self.valid:
            return self.text
        return f"{d[0]} {d[1:3]} {d[3:6]} {d[6:8]} {d[8:10]} {d[10]}"


def parse_fkko(code) -> FkkoCode:
    """Parse an FKKO code; spaces (and non-breaking spaces or hyphens) between digits allowed.

    Parameters
    ----------
    code : str or int or None
        The code as typed: "6 11 100 01 40 4", "61110001404", or an integer (a leading zero
        cannot occur: there is no block 0).

    Returns
    -------
    FkkoCode
        ``valid`` is False and ``error`` names the problem when the text is not a code.
    """
    text = "" if code is None or (isinstance(code, float) and code != code) else str(code)
    if isinstance(code, float) and code == code and code.is_integer():
        text = str(int(code))  # a code read as a number by a spreadsheet
    text = text.strip()
    digits = _SEPARATORS.sub("", text)
    if not digits:
        return FkkoCode(text, error="empty")
    if re.fullmatch(r"[0-9xX]+", digits) and re.search("[xX]", digits):
        return FkkoCode(text, error="pattern", params=(("code", text),))
    if not (digits.isascii() and digits.isdigit()):  # isdigit alone takes "٤" and "²"
        return FkkoCode(text, error="characters", params=(("code", text),))
    if len(digits) != 11:
        return FkkoCode(text, error="length", params=(("code", text), ("digits", len(digits))))
    if digits[0] not in BLOCKS:
        return FkkoCode(text, error="block", params=(("code", text), ("block", digits[0])))
    return FkkoCode(text, digits=digits)


def hazard_class(code) -> int | None:
    """Hazard class 1-5 from the 11th digit, or None (invalid code, or a heading with 0)."""
    return parse_fkko(code).hazard_class


def needs_licence(code) -> bool | None:
    """True for hazard classes I-IV (a licence to collect, transport, treat, use or place the
    waste, Federal Law 89-FZ art. 9), False for class V, None when the class is unknown."""
    cls = hazard_class(code)
    return None if cls is None else cls in LICENSED_CLASSES


def split_codes(text) -> list:
    """The codes of a catalogue cell ("6 11 400 01 20 5;6 11 400 02 20 4"), stripped."""
    if text is None or (isinstance(text, float) and text != text):
        return []
    return [part.strip() for part in str(text).split(";") if part.strip()]


def _known_prefix(pattern: str) -> str:
    """Leading digits of a catalogue code or pattern, up to the first unknown 'x'."""
    digits = _SEPARATORS.sub("", pattern)
    match = re.match(r"[0-9]*", digits)
    return match.group(0) if match else ""


@dataclass(frozen=True)
class BlockFit:
    """Whether a flow's FKKO code fits its material: ``fits`` is True, False, or None when
    it cannot be said (invalid code, no expectation for the material)."""

    fits: bool | None
    expected_blocks: tuple = ()
    expected_prefixes: tuple = ()  # known leading digits of the catalogue's codes
    code: FkkoCode | None = None


def expected_prefixes(material_or_category, materials: pd.DataFrame | None = None) -> tuple:
    """Known leading digits of the FKKO codes the catalogue gives a material, or the block of
    its category (CATEGORY_BLOCKS) when it gives none; () when no code is expected."""
    key = str(material_or_category or "").strip()
    if materials is not None and key in materials.index:
        prefixes = tuple(
            p for p in (_known_prefix(c) for c in split_codes(materials.at[key, "fkko"])) if p
        )
        if prefixes:
            return prefixes
        key = str(materials.at[key, "category"])
    return CATEGORY_BLOCKS.get(key, ())


def fkko_block_fits(code, material_category_or_code, materials=None) -> BlockFit:
    """Does an FKKO code belong to the block the material is expected in?

    Parameters
    ----------
    code : str
        The flow's FKKO code.
    material_category_or_code : str
        A material code of the catalogue (its FKKO codes or patterns decide, else its
        category) or a category (CATEGORY_BLOCKS).
    materials : pandas.DataFrame, optional
        The material catalogue indexed by code (``catalogue.load_materials()``); loaded when
        None.

    Returns
    -------
    BlockFit
        ``fits`` False when the code's block differs from every expected block; None when the
        code is not valid or nothing is expected (a material that is not waste: a code on
        such a flow is itself worth a warning, which validatedata decides).
    """
    if materials is None:
        from .catalogue import load_materials

        materials = load_materials()
    parsed = parse_fkko(code)
    prefixes = expected_prefixes(material_category_or_code, materials)
    blocks = tuple(sorted({p[0] for p in prefixes}))
    if not parsed.valid or not blocks:
        return BlockFit(None, blocks, prefixes, parsed)
    return BlockFit(parsed.block in blocks, blocks, prefixes, parsed)
