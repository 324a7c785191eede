"""Material and synergy catalogues (resources/materials.csv, resources/synergies.csv)."""

from pathlib import Path

import pandas as pd

from ..paths import resource_path

MATERIAL_COLUMNS = ["code", "name_en", "name_ru", "category", "unit", "radius_km"]
SYNERGY_COLUMNS = [
    "rule_id",
    "supply_material",
    "demand_material",
    "substitution_ratio",
    "max_distance_km",
]
SYNERGY_NUMERIC = [
    "substitution_ratio",
    "max_distance_km",
    "preprocessing_cost_rub",
    "co2_avoided_kg",
]

# Units a flow may carry, and how to bring a quantity to a catalogue unit.
UNIT_TO_BASE = {
    "t/yr": ("t/yr", 1.0),
    "thousand m3/yr": ("thousand m3/yr", 1.0),
    "GJ/yr": ("GJ/yr", 1.0),
    "MWh/yr": ("GJ/yr", 3.6),
}
KNOWN_UNITS = tuple(UNIT_TO_BASE)


class CatalogueError(ValueError):
    """A catalogue that cannot be used; the message names the file or column."""


def conversion_factor(unit, to_unit):
    """Factor turning a quantity in ``unit`` into ``to_unit``, or None if they don't convert."""
    if unit not in UNIT_TO_BASE or to_unit not in UNIT_TO_BASE:
        return None
    base_from, f_from = UNIT_TO_BASE[unit]
    base_to, f_to = UNIT_TO_BASE[to_unit]
    if base_from != base_to:
        return None
    return f_from / f_to


def _read(source, what):
    if isinstance(source, pd.DataFrame):
        return source.copy()
    path = Path(source)
    if not path.exists():
        raise CatalogueError(f"{what} catalogue not found: {path}")
    return pd.read_csv(path, dtype=str, keep_default_na=False)


def _require(frame, columns, what):
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        raise CatalogueError(f"{what} catalogue lacks column(s): {', '.join(missing)}")


def load_materials(source=None) -> pd.DataFrame:
    frame = _read(source if source is not None else resource_path("materials.csv"), "Material")
    _require(frame, MATERIAL_COLUMNS, "Material")
    frame["radius_km"] = pd.to_numeric(frame["radius_km"], errors="coerce")
    return frame.set_index("code", drop=False)


def load_synergies(source=None) -> pd.DataFrame:
    frame = _read(source if source is not None else resource_path("synergies.csv"), "Synergy")
    _require(frame, SYNERGY_COLUMNS, "Synergy")
    for column in SYNERGY_NUMERIC:
        if column in frame.columns:
            frame[column] = pd.to_numeric(frame[column], errors="coerce")
        else:
            frame[column] = 0.0
    frame["rule_id"] = frame["rule_id"].astype(str)
    return frame.reset_index(drop=True)
