"""A listing as the Registry dock edits it: checks before writing, and the SQL that writes it.

No qgis import. The database checks the same rules again (constraints, row-level security);
these checks only spare the user a round trip and give messages in words.
"""

import re
from dataclasses import dataclass
from typing import Optional

from ..core.catalogue import KNOWN_UNITS, conversion_factor
from ..core.text import QT_TRANSLATE_NOOP
from .migrations import sql_literal

KINDS = ("offer", "need")
LEGAL_STATUSES = ("waste", "by_product")
VISIBILITIES = ("public", "members", "operator")
FKKO_DIGITS = re.compile(r"^[1-46-9][0-9]{9}[1-5]$")  # block (no 5), ..., hazard class

COLUMNS = (
    "kind",
    "material",
    "fkko",
    "quantity",
    "unit",
    "legal_status",
    "price",
    "visibility",
    "quality",
)

MSG = {
    "bad_kind": QT_TRANSLATE_NOOP("@default", "A listing is an offer or a need"),
    "unknown_material": QT_TRANSLATE_NOOP(
        "@default", "Material '{value}' is not in the material catalogue"
    ),
    "bad_fkko": QT_TRANSLATE_NOOP(
        "@default",
        "FKKO code '{value}' must have 11 digits (spaces allowed), the last one the hazard "
        "class 1-5",
    ),
    "bad_quantity": QT_TRANSLATE_NOOP("@default", "The quantity must be a positive number"),
    "unknown_unit": QT_TRANSLATE_NOOP(
        "@default", "Unit '{value}' is unknown (known units: {known})"
    ),
    "unit_mismatch": QT_TRANSLATE_NOOP(
        "@default", "Unit '{value}' does not convert to '{expected}', the unit of '{material}'"
    ),
    "bad_price": QT_TRANSLATE_NOOP("@default", "The price must be empty or a number, at least 0"),
    "bad_legal_status": QT_TRANSLATE_NOOP(
        "@default", "The legal status of an offer is waste or by-product"
    ),
    "bad_visibility": QT_TRANSLATE_NOOP(
        "@default", "Visibility is public, members or operator only"
    ),
}


@dataclass
class Listing:
    kind: str
    material: str
    quantity: float
    unit: str
    fkko: str = ""
    legal_status: Optional[str] = None
    price: Optional[float] = None
    visibility: str = "members"
    quality: str = ""


def fkko_digits(code: str) -> str:
    """The FKKO code without spaces ("6 11 100 01 40 4" -> "61110001404")."""
    return re.sub(r"\s", "", code or "")


def check_listing(listing: Listing, materials) -> list:
    """[(message code, params)] of everything wrong with a listing; [] when it can be written.
    ``materials`` is the catalogue frame of core.catalogue.load_materials (indexed by code)."""
    problems = []
    if listing.kind not in KINDS:
        problems.append(("bad_kind", {}))
    if listing.material not in materials.index:
        problems.append(("unknown_material", {"value": listing.material}))
    digits = fkko_digits(listing.fkko)
    if digits and not FKKO_DIGITS.match(digits):
        problems.append(("bad_fkko", {"value": listing.fkko}))
    if not isinstance(listing.quantity, (int, float)) or not listing.quantity > 0:
        problems.append(("bad_quantity", {}))
    if listing.unit not in KNOWN_UNITS:
        problems.append(("unknown_unit", {"value": listing.unit, "known": ", ".join(KNOWN_UNITS)}))
    elif listing.material in materials.index:
        expected = materials.at[listing.material, "unit"]
        if conversion_factor(listing.unit, expected) is None:
            problems.append(
                (
                    "unit_mismatch",
                    {"value": listing.unit, "expected": expected, "material": listing.material},
                )
            )
    if listing.price is not None and not listing.price >= 0:
        problems.append(("bad_price", {}))
    if listing.kind == "offer" and listing.legal_status not in LEGAL_STATUSES:
        problems.append(("bad_legal_status", {}))
    if listing.visibility not in VISIBILITIES:
        problems.append(("bad_visibility", {}))
    return problems


def _values(listing: Listing) -> dict:
    return {
        "kind": listing.kind,
        "material": listing.material,
        "fkko": fkko_digits(listing.fkko) or None,
        "quantity": float(listing.quantity),
        "unit": listing.unit,
        "legal_status": listing.legal_status if listing.kind == "offer" else None,
        "price": None if listing.price is None else float(listing.price),
        "visibility": listing.visibility,
        "quality": listing.quality or "",
    }


def insert_sql(ent_id: str, listing: Listing) -> str:
    values = _values(listing)
    columns = ", ".join(["ent_id", *values])
    literals = ", ".join(sql_literal(v) for v in [ent_id, *values.values()])
    return f"INSERT INTO registry.listing ({columns}) VALUES ({literals}) RETURNING listing_id"


def update_sql(listing_id: int, listing: Listing) -> str:
    assignments = ", ".join(f"{k} = {sql_literal(v)}" for k, v in _values(listing).items())
    return (
        f"UPDATE registry.listing SET {assignments} WHERE listing_id = {int(listing_id)} "
        "RETURNING listing_id"
    )


def delete_sql(listing_id: int) -> str:
    return (
        f"DELETE FROM registry.listing WHERE listing_id = {int(listing_id)} RETURNING listing_id"
    )


MY_LISTINGS_SQL = (
    "SELECT listing_id, kind, material, quantity::double precision, unit, "
    "coalesce(registry.format_fkko(fkko), ''), legal_status, price::double precision, "
    "visibility, quality FROM registry.listing "
    "WHERE ent_id IN (SELECT registry.my_enterprises()) ORDER BY listing_id"
)
MY_ENTERPRISE_SQL = (
    "SELECT ent_id, name, coalesce(name_ru, ''), node FROM registry.enterprise "
    "WHERE owner_login = current_user ORDER BY ent_id"
)


def listing_from_row(row) -> tuple:
    """(listing_id, Listing) from a row of MY_LISTINGS_SQL."""
    listing_id, kind, material, quantity, unit, fkko, status, price, visibility, quality = row
    return int(listing_id), Listing(
        kind=kind,
        material=material,
        quantity=float(quantity),
        unit=unit,
        fkko=fkko or "",
        legal_status=status,
        price=None if price is None else float(price),
        visibility=visibility,
        quality=quality or "",
    )
