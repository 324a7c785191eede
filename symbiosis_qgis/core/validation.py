"""Checks of enterprise and flow tables against the data model and the catalogues.

Works on plain pandas frames (the adapters build them from QGIS layers) or GeoDataFrames.
Each finding is an Issue; errors make data unusable downstream, warnings do not.
"""

import math
from dataclasses import dataclass
from dataclasses import field as dataclass_field

import pandas as pd

from .catalogue import KNOWN_UNITS, conversion_factor, load_materials, load_synergies
from .definitions import SECTORS
from .fkko import MSG as FKKO_MSG
from .fkko import fkko_block_fits
from .inputs import FID, id_text
from .text import QT_TRANSLATE_NOOP

ERROR = "error"
WARNING = "warning"

ENTERPRISE_REQUIRED = ["ent_id", "name", "sector", "node"]
ENTERPRISE_RECOMMENDED = ["name_ru"]
FLOW_REQUIRED = ["flow_id", "ent_id", "direction", "material", "quantity", "unit"]
DIRECTIONS = ("supply", "demand")
GEOMETRY_STATE = "geometry_state"  # "ok", "null", "empty" or "invalid: <reason>"


# pylupdate5 skips a QT_TRANSLATE_NOOP call with a trailing comma: keep the formatter out


# fmt: off
MSG = {
    "missing_field": QT_TRANSLATE_NOOP("@default", "Required field '{field}' is missing"),
    "missing_recommended": QT_TRANSLATE_NOOP(
        "@default", "Field '{field}' is missing (recommended: names in Russian)"
    ),
    "empty_id": QT_TRANSLATE_NOOP("@default", "Empty identifier in '{field}'"),
    "duplicate_id": QT_TRANSLATE_NOOP(
        "@default", "Identifier '{value}' is used by {count} features"
    ),
    "null_geometry": QT_TRANSLATE_NOOP("@default", "Feature has no geometry"),
    "empty_geometry": QT_TRANSLATE_NOOP("@default", "Feature has an empty geometry"),
    "geographic_crs": QT_TRANSLATE_NOOP(
        "@default",
        "Layer CRS {crs} is geographic: distances will be computed on the ellipsoid or after "
        "reprojection to a metric CRS"
    ),
    "unknown_enterprise": QT_TRANSLATE_NOOP(
        "@default", "Flow refers to unknown enterprise '{value}'"
    ),
    "bad_direction": QT_TRANSLATE_NOOP(
        "@default", "Direction '{value}' is neither 'supply' nor 'demand'"
    ),
    "unknown_material": QT_TRANSLATE_NOOP(
        "@default", "Material '{value}' is not in the material catalogue"
    ),
    "unknown_unit": QT_TRANSLATE_NOOP(
        "@default", "Unit '{value}' is unknown (known units: {known})"
    ),
    "unit_mismatch": QT_TRANSLATE_NOOP(
        "@default",
        "Unit '{value}' cannot be converted to the catalogue unit '{expected}' of material "
        "'{material}'"
    ),
    "non_numeric": QT_TRANSLATE_NOOP("@default", "Quantity '{value}' is not a number"),
    "negative_quantity": QT_TRANSLATE_NOOP("@default", "Quantity {value} is negative"),
    "zero_quantity": QT_TRANSLATE_NOOP("@default", "Quantity is zero"),
    "non_numeric_price": QT_TRANSLATE_NOOP("@default", "Price '{value}' is not a number"),
    "unknown_sector": QT_TRANSLATE_NOOP(
        "@default", "Sector '{value}' is not one of the catalogue sectors"
    ),
    "supply_unmatched": QT_TRANSLATE_NOOP(
        "@default", "No catalogue rule lets another enterprise in the data use supply of '{value}'"
    ),
    "demand_unmatched": QT_TRANSLATE_NOOP(
        "@default",
        "No catalogue rule lets a supply of another enterprise in the data serve demand for "
        "'{value}'"
    ),
    "rule_bad_ratio": QT_TRANSLATE_NOOP(
        "@default", "Substitution ratio '{value}' must be a positive number"
    ),
    "rule_unknown_material": QT_TRANSLATE_NOOP(
        "@default", "Rule refers to material '{value}' that is not in the material catalogue"
    ),
    "non_finite": QT_TRANSLATE_NOOP("@default", "{field} '{value}' is not a finite number"),
    "missing_crs": QT_TRANSLATE_NOOP(
        "@default",
        "The layer has no coordinate reference system: distances and routes cannot be "
        "computed until it is set"
    ),
    "invalid_geometry": QT_TRANSLATE_NOOP(
        "@default", "Geometry is not valid ({reason}); its point on surface may be misplaced"
    ),
    "fkko_block_mismatch": QT_TRANSLATE_NOOP(
        "@default",
        "FKKO code {value} is in block {block}, but material '{material}' is expected in "
        "block(s) {expected}"
    ),
}
# fmt: on


@dataclass
class Issue:
    severity: str
    layer: str
    fid: object
    record_id: str
    field: str
    code: str
    params: dict = dataclass_field(default_factory=dict)

    @property
    def template(self):
        return MSG[self.code] if self.code in MSG else FKKO_MSG[self.code.removeprefix("fkko_")]

    @property
    def message(self):
        return self.template.format(**self.params)


def geometry_states(gdf):
    """'ok', 'null' or 'empty' for each row of a GeoDataFrame."""
    geoms = gdf.geometry
    state = pd.Series("ok", index=gdf.index)
    state[geoms.isna()] = "null"
    state[geoms.notna() & geoms.is_empty] = "empty"
    return state


def _text(value):
    # ids compare as the algorithms compare them: 9000000000000.0 (a Real field) is
    # "9000000000000", as in an Integer64 or text field
    return id_text(value)


def _as_number(value):
    """(number, ok): ok is False when the value is absent or not numeric."""
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return None, False
    try:
        return float(str(value).replace(",", ".").strip()), True
    except ValueError:
        return None, False


class _Collector:
    def __init__(self):
        self.issues = []

    def add(self, severity, layer, fid, record_id, field_name, issue_code, **params):
        # issue_code, not code: an FKKO message's own parameter is called "code"
        self.issues.append(Issue(severity, layer, fid, record_id, field_name, issue_code, params))


def _fids(frame):
    return frame[FID] if FID in frame.columns else pd.Series(frame.index, index=frame.index)


def _check_ids(out, frame, layer, id_field):
    ids = frame[id_field].map(_text)
    counts = ids[ids != ""].value_counts()
    for idx, fid in _fids(frame).items():
        value = ids[idx]
        if value == "":
            out.add(ERROR, layer, fid, "", id_field, "empty_id", field=id_field)
        elif counts[value] > 1:
            out.add(
                ERROR,
                layer,
                fid,
                value,
                id_field,
                "duplicate_id",
                value=value,
                count=int(counts[value]),
            )


def _missing_fields(out, frame, layer, required, recommended=()):
    missing = [f for f in required if f not in frame.columns]
    for name in missing:
        out.add(ERROR, layer, None, "", name, "missing_field", field=name)
    for name in recommended:
        if name not in frame.columns:
            out.add(WARNING, layer, None, "", name, "missing_recommended", field=name)
    return not missing


def _check_enterprises(out, ents, geographic_crs, missing_crs=False):
    layer = "enterprises"
    if missing_crs:
        out.add(ERROR, layer, None, "", "", "missing_crs")
    if geographic_crs:
        out.add(WARNING, layer, None, "", "", "geographic_crs", crs=geographic_crs)
    if not _missing_fields(out, ents, layer, ENTERPRISE_REQUIRED, ENTERPRISE_RECOMMENDED):
        return set()
    _check_ids(out, ents, layer, "ent_id")
    states = ents[GEOMETRY_STATE] if GEOMETRY_STATE in ents.columns else None
    for idx, fid in _fids(ents).items():
        ent_id = _text(ents.at[idx, "ent_id"])
        state = states[idx] if states is not None else "ok"
        if state.startswith("invalid"):
            reason = state.partition(":")[2].strip()
            out.add(WARNING, layer, fid, ent_id, "geometry", "invalid_geometry", reason=reason)
        elif state != "ok":
            code = "null_geometry" if state == "null" else "empty_geometry"
            out.add(ERROR, layer, fid, ent_id, "geometry", code)
        sector = _text(ents.at[idx, "sector"])
        if sector not in SECTORS:
            out.add(WARNING, layer, fid, ent_id, "sector", "unknown_sector", value=sector)
    return {v for v in ents["ent_id"].map(_text) if v}


def _check_flow_row(out, flows, idx, fid, ent_ids, materials):
    layer = "flows"
    row = flows.loc[idx]
    flow_id = _text(row["flow_id"])
    ent_id = _text(row["ent_id"])
    if ent_id not in ent_ids:
        out.add(ERROR, layer, fid, flow_id, "ent_id", "unknown_enterprise", value=ent_id)
    direction = _text(row["direction"])
    if direction not in DIRECTIONS:
        out.add(ERROR, layer, fid, flow_id, "direction", "bad_direction", value=direction)
    material = _text(row["material"])
    unit = _text(row["unit"])
    if material not in materials.index:
        out.add(ERROR, layer, fid, flow_id, "material", "unknown_material", value=material)
    if unit not in KNOWN_UNITS:
        out.add(
            ERROR,
            layer,
            fid,
            flow_id,
            "unit",
            "unknown_unit",
            value=unit,
            known=", ".join(KNOWN_UNITS),
        )
    elif material in materials.index:
        expected = materials.at[material, "unit"]
        if conversion_factor(unit, expected) is None:
            out.add(
                ERROR,
                layer,
                fid,
                flow_id,
                "unit",
                "unit_mismatch",
                value=unit,
                expected=expected,
                material=material,
            )
    quantity, ok = _as_number(row["quantity"])
    if not ok:
        out.add(
            ERROR, layer, fid, flow_id, "quantity", "non_numeric", value=_text(row["quantity"])
        )
    elif not math.isfinite(quantity):
        out.add(
            ERROR, layer, fid, flow_id, "quantity", "non_finite", field="quantity", value=quantity
        )
    elif quantity < 0:
        out.add(ERROR, layer, fid, flow_id, "quantity", "negative_quantity", value=quantity)
    elif quantity == 0:
        out.add(WARNING, layer, fid, flow_id, "quantity", "zero_quantity")
    has_price = "price" in flows.columns and _text(row["price"]) != ""
    price, price_ok = _as_number(row["price"]) if has_price else (None, True)
    if not price_ok:
        out.add(
            WARNING,
            layer,
            fid,
            flow_id,
            "price",
            "non_numeric_price",
            value=_text(row["price"]),
        )
    elif has_price and not math.isfinite(price):
        out.add(ERROR, layer, fid, flow_id, "price", "non_finite", field="price", value=price)
    fkko = _text(row["fkko"]) if "fkko" in flows.columns else ""
    if fkko:
        _check_fkko(out, fid, flow_id, fkko, material, materials)


def _check_fkko(out, fid, flow_id, fkko, material, materials):
    """A malformed FKKO code, or one outside the block its material belongs to: warnings
    (the code matters for licensing, not for the analysis)."""
    if material in materials.index:
        fit = fkko_block_fits(fkko, material, materials)
        parsed = fit.code
    else:
        from .fkko import parse_fkko

        fit, parsed = None, parse_fkko(fkko)
    if not parsed.valid:
        out.add(
            WARNING, "flows", fid, flow_id, "fkko", f"fkko_{parsed.error}", **dict(parsed.params)
        )
    elif fit is not None and fit.fits is False:
        out.add(
            WARNING,
            "flows",
            fid,
            flow_id,
            "fkko",
            "fkko_block_mismatch",
            value=parsed.formatted(),
            block=parsed.block,
            material=material,
            expected=", ".join(fit.expected_blocks),
        )


def _check_matches(out, flows, rules):
    """Warn about supplies no other enterprise can use, and demands nothing can serve."""
    layer = "flows"
    mats = flows["material"].map(_text)
    dirs = flows["direction"].map(_text)
    ents = flows["ent_id"].map(_text)
    demand_by_mat = {}
    supply_by_mat = {}
    for m, d, e in zip(mats, dirs, ents):
        target = demand_by_mat if d == "demand" else supply_by_mat if d == "supply" else None
        if target is not None:
            target.setdefault(m, set()).add(e)
    uses = rules.groupby("supply_material")["demand_material"].apply(set).to_dict()
    sources = rules.groupby("demand_material")["supply_material"].apply(set).to_dict()
    # partners per (direction, material), built once: per flow it was a union of large sets,
    # which made 40,000 enterprises take over a minute
    partners_of = {}
    for idx, fid in _fids(flows).items():
        m, d, e = mats[idx], dirs[idx], ents[idx]
        if d not in ("supply", "demand"):
            continue
        if (d, m) not in partners_of:
            by_mat, usable = (
                (demand_by_mat, uses.get(m, ()))
                if d == "supply"
                else (supply_by_mat, sources.get(m, ()))
            )
            partners_of[d, m] = set().union(*[by_mat.get(x, set()) for x in usable])
        partners = partners_of[d, m]
        code = f"{d}_unmatched"
        if not partners or partners == {e}:
            out.add(
                WARNING, layer, fid, _text(flows.at[idx, "flow_id"]), "material", code, value=m
            )


def _check_rules(out, rules, materials):
    layer = "synergies"
    known = set(materials.index)
    for idx, rule in rules.iterrows():
        rid = _text(rule["rule_id"])
        ratio = rule["substitution_ratio"]
        if pd.isna(ratio) or ratio <= 0:
            out.add(
                ERROR, layer, idx, rid, "substitution_ratio", "rule_bad_ratio", value=_text(ratio)
            )
        for col in ("supply_material", "demand_material"):
            if _text(rule[col]) not in known:
                out.add(
                    WARNING, layer, idx, rid, col, "rule_unknown_material", value=_text(rule[col])
                )


def validate(
    enterprises, flows, synergies=None, materials=None, geographic_crs="", missing_crs=False
):
    """All findings for the given enterprise and flow tables.

    ``geographic_crs``: the enterprises' CRS id when it is geographic, else "".
    ``missing_crs``: the enterprise layer has no CRS at all (an error).
    GeoDataFrames are accepted as they are; plain frames may carry a ``geometry_state`` column.
    """
    out = _Collector()
    materials = load_materials() if materials is None else materials
    rules = load_synergies(synergies)
    if hasattr(enterprises, "geometry") and GEOMETRY_STATE not in enterprises.columns:
        enterprises = enterprises.assign(**{GEOMETRY_STATE: geometry_states(enterprises)})
    _check_rules(out, rules, materials)
    ent_ids = _check_enterprises(out, enterprises, geographic_crs, missing_crs)
    if _missing_fields(out, flows, "flows", FLOW_REQUIRED):
        _check_ids(out, flows, "flows", "flow_id")
        for idx, fid in _fids(flows).items():
            _check_flow_row(out, flows, idx, fid, ent_ids, materials)
        _check_matches(out, flows, rules)
    return out.issues
