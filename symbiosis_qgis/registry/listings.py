"""A listing as the Registry dock edits it: checks before writing, and the SQL that writes it.

No qgis import. The database checks the same rules again (constraints, row-level security);
these checks only spare the user a round trip and give messages in words.
"""

from dataclasses import dataclass
from datetime import date
from typing import Optional

from ..core import fkko
from ..core.catalogue import KNOWN_UNITS, conversion_factor
from ..core.text import QT_TRANSLATE_NOOP
from .migrations import sql_literal

KINDS = ("offer", "need")
LEGAL_STATUSES = ("waste", "by_product")
VISIBILITIES = ("public", "members", "operator")

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
    "available_from",
    "available_to",
    "contract_term",
)

# pylupdate5 skips a QT_TRANSLATE_NOOP call with a trailing comma: keep the formatter out

# fmt: off
MSG = {
    "bad_kind": QT_TRANSLATE_NOOP("@default", "A listing is an offer or a need"),
    "unknown_material": QT_TRANSLATE_NOOP(
        "@default", "Material '{value}' is not in the material catalogue"
    ),
    # FKKO: core.fkko's own messages (keys fkko_<error>, added below), and what a listing
    # needs beyond a well-formed code: the code of a kind of waste, with its hazard class
    "fkko_no_hazard_class": QT_TRANSLATE_NOOP(
        "@default",
        "FKKO code '{code}' ends in {digit}: a listing needs the code of a kind of waste, "
        "whose last digit is its hazard class 1-5"
    ),
    "fkko_not_ascii": QT_TRANSLATE_NOOP(
        "@default", "FKKO code '{code}' must be written with the digits 0-9"
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
    "bad_period": QT_TRANSLATE_NOOP(
        "@default", "Available from {start} is after available to {end}"
    ),
}
# fmt: on
MSG.update({f"fkko_{error}": text for error, text in fkko.MSG.items() if error != "empty"})


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
    available_from: Optional[date] = None
    available_to: Optional[date] = None
    contract_term: str = ""  # free text, as the schema stores it ("3 years, yearly renewal")


def fkko_problem(code) -> Optional[tuple]:
    """(message code, params) when ``code`` cannot be a listing's FKKO code; None when it can,
    or when it is empty (a listing without a code). The rule is core.fkko's (parse_fkko,
    hazard_class); the database's CHECK constraint accepts exactly the same codes
    (tests/test_registry_fkko.py)."""
    parsed = fkko.parse_fkko(code)
    if parsed.error == "empty":
        return None
    if not parsed.valid:
        return f"fkko_{parsed.error}", dict(parsed.params)
    # str.isdigit() in parse_fkko also takes other scripts' digits (and superscripts)
    if not parsed.digits.isascii():
        return "fkko_not_ascii", {"code": parsed.text}
    if parsed.hazard_class is None:  # 0: a heading of the catalogue; 6-9: no such class
        return "fkko_no_hazard_class", {"code": parsed.text, "digit": parsed.digits[-1]}
    return None


def fkko_digits(code) -> str:
    """The 11 digits to store ("6 11 100 01 40 4" -> "61110001404"); "" when there is no
    valid code (check with ``fkko_problem`` first)."""
    if fkko_problem(code) is not None:
        return ""
    return fkko.parse_fkko(code).digits


def check_listing(listing: Listing, materials) -> list:
    """[(message code, params)] of everything wrong with a listing; [] when it can be written.
    ``materials`` is the catalogue frame of core.catalogue.load_materials (indexed by code)."""
    problems = []
    if listing.kind not in KINDS:
        problems.append(("bad_kind", {}))
    if listing.material not in materials.index:
        problems.append(("unknown_material", {"value": listing.material}))
    fkko_wrong = fkko_problem(listing.fkko)
    if fkko_wrong is not None:
        problems.append(fkko_wrong)
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
    start, end = listing.available_from, listing.available_to
    if start is not None and end is not None and start > end:
        problems.append(("bad_period", {"start": start.isoformat(), "end": end.isoformat()}))
    return problems


def _values(listing: Listing) -> dict:
    return {
        "kind": listing.kind,
        "material": listing.material,
        # a code that fails the check goes as typed: the database then refuses it too
        "fkko": fkko_digits(listing.fkko) or (listing.fkko or "").strip() or None,
        "quantity": float(listing.quantity),
        "unit": listing.unit,
        "legal_status": listing.legal_status if listing.kind == "offer" else None,
        "price": None if listing.price is None else float(listing.price),
        "visibility": listing.visibility,
        "quality": listing.quality or "",
        "available_from": _iso(listing.available_from),
        "available_to": _iso(listing.available_to),
        "contract_term": (listing.contract_term or "").strip(),
    }


def _iso(day: Optional[date]) -> Optional[str]:
    return None if day is None else day.isoformat()


def _day(text) -> Optional[date]:
    return date.fromisoformat(text) if text else None


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
    "visibility, quality, to_char(available_from, 'YYYY-MM-DD'), "
    "to_char(available_to, 'YYYY-MM-DD'), contract_term FROM registry.listing "
    "WHERE ent_id IN (SELECT registry.my_enterprises()) ORDER BY listing_id"
)
MY_ENTERPRISE_SQL = (
    "SELECT ent_id, name, coalesce(name_ru, ''), node FROM registry.enterprise "
    "WHERE owner_login = current_user ORDER BY ent_id"
)


def listing_from_row(row) -> tuple:
    """(listing_id, Listing) from a row of MY_LISTINGS_SQL."""
    (listing_id, kind, material, quantity, unit, fkko, status, price, visibility, quality) = row[
        :10
    ]
    available_from, available_to, contract_term = row[10:]
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
        available_from=_day(available_from),
        available_to=_day(available_to),
        contract_term=contract_term or "",
    )
