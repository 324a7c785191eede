"""Material and synergy catalogues (resources/materials.csv, resources/synergies.csv).

A user extends the shipped catalogues with a table of the same columns: ``load_materials(user)``
(or ``merge_materials``) lays the user's rows over the shipped list, user rows winning, and
reports every shipped row they change. See docs/catalogue.md.
"""

from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from ..paths import resource_path
from .errors import InputError
from .text import QT_TRANSLATE_NOOP

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
# Reach per transport mode (km). On a material an empty cell means the mode is not allowed;
# on a rule a filled cell overrides the material's value for that mode.
MODE_COLUMNS = {"road": "road_km", "rail": "rail_km", "water": "water_km"}
MATERIAL_NUMERIC = ["radius_km", *MODE_COLUMNS.values()]
RULE_OPTIONAL_NUMERIC = [
    *MODE_COLUMNS.values(),
    "req_max_loi_pct",
    "req_max_particle_mm",
    "req_max_moisture_pct",
]

# Units a flow may carry, and how to bring a quantity to a catalogue unit.
UNIT_TO_BASE = {
    "t/yr": ("t/yr", 1.0),
    "thousand m3/yr": ("thousand m3/yr", 1.0),
    "GJ/yr": ("GJ/yr", 1.0),
    "MWh/yr": ("GJ/yr", 3.6),
}
KNOWN_UNITS = tuple(UNIT_TO_BASE)

# pylupdate5 skips a QT_TRANSLATE_NOOP call with a trailing comma: keep the formatter out

# fmt: off
MSG = {
    "material_conflict": QT_TRANSLATE_NOOP(
        "@default",
        "Material '{key}' of the user catalogue replaces the shipped one (differs in: {columns})"
    ),
    "rule_conflict": QT_TRANSLATE_NOOP(
        "@default",
        "Rule '{key}' of the user catalogue replaces the shipped one (differs in: {columns})"
    ),
}
# fmt: on


class CatalogueError(InputError):
    """A catalogue that cannot be used; the message (a code of core/errors.py) names the
    file or column."""


@dataclass(frozen=True)
class CatalogueConflict:
    """A user row that replaced a shipped row with different values.

    ``kind`` is "material" or "rule", ``key`` the material code or rule id, ``columns`` the
    columns whose values differ. ``message()`` gives the English text; the processing layer
    translates ``MSG[conflict.msg_code]`` and formats it with ``conflict.params``.
    """

    kind: str
    key: str
    columns: tuple

    @property
    def msg_code(self) -> str:
        return f"{self.kind}_conflict"

    @property
    def params(self) -> dict:
        return {"key": self.key, "columns": ", ".join(self.columns)}

    def message(self) -> str:
        return MSG[self.msg_code].format(**self.params)


def material_name_column(language: str) -> str:
    """The material catalogue's name column a reader of ``language`` reads.

    Parameters
    ----------
    language : str
        Two-letter interface language, as from i18n.user_locale.

    Returns
    -------
    str
        ``"name_ru"`` for Russian, ``"name_en"`` for every other language (the catalogue
        has no third).
    """
    return "name_ru" if language == "ru" else "name_en"


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
        raise CatalogueError("catalogue_missing", what=what, path=str(path))
    return pd.read_csv(path, dtype=str, keep_default_na=False)


def _require(frame, columns, what):
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        raise CatalogueError("catalogue_columns", what=what, columns=", ".join(missing))


def _as_text(frame):
    """Every cell as stripped text, missing values as "" (the form the CSV files have)."""
    frame = frame.reset_index(drop=True)
    out = pd.DataFrame(index=frame.index)
    for column in frame.columns:
        out[str(column)] = [
            "" if v is None or (isinstance(v, float) and np.isnan(v)) else str(v).strip()
            for v in frame[column]
        ]
    return out


def transport_modes(text) -> list:
    """The modes of a ``transport_modes`` cell ("road;rail" -> ["road", "rail"])."""
    if text is None or (isinstance(text, float) and np.isnan(text)):
        return []
    return [m.strip() for m in str(text).split(";") if m.strip()]


def _typed_materials(text):
    """Numeric radii; mode radii derived from radius_km and transport_modes where a row has
    none (a catalogue written before the mode columns existed)."""
    frame = text.copy()
    for column in MATERIAL_NUMERIC:
        if column not in frame.columns:
            frame[column] = ""
        frame[column] = pd.to_numeric(frame[column], errors="coerce")
    if "transport_modes" not in frame.columns:
        frame["transport_modes"] = ""
    no_modes = frame[list(MODE_COLUMNS.values())].isna().all(axis=1) & (frame["radius_km"] > 0)
    for idx in frame.index[no_modes]:
        allowed = transport_modes(frame.at[idx, "transport_modes"])
        for mode, column in MODE_COLUMNS.items():
            if mode in allowed:
                frame.at[idx, column] = frame.at[idx, "radius_km"]
    return frame.set_index("code", drop=False)


def _shipped_text(name, what):
    return _as_text(_read(resource_path(name), what))


def _same(a, b) -> bool:
    a_missing = a is None or (isinstance(a, float) and np.isnan(a)) or a == ""
    b_missing = b is None or (isinstance(b, float) and np.isnan(b)) or b == ""
    if a_missing or b_missing:
        return a_missing and b_missing
    try:
        return float(a) == float(b)
    except (TypeError, ValueError):
        return str(a).strip() == str(b).strip()


def _overlay(base, user, key, what):
    """Rows of ``user`` laid over ``base`` (both text frames) by ``key``: a user row replaces
    the values of the columns the user table has, other columns keep the shipped values;
    new keys are appended. Returns (merged text frame, keys present in both)."""
    keys = user[key]
    if (keys == "").any():
        rows = [str(i + 1) for i in np.flatnonzero(keys == "")[:5]]
        raise CatalogueError("catalogue_empty_key", what=what, key=key, rows=", ".join(rows))
    repeated = sorted(set(keys[keys.duplicated()]))
    if repeated:
        raise CatalogueError(
            "catalogue_repeated_key", what=what, key=key, keys=", ".join(repeated[:5])
        )
    merged = base.set_index(key, drop=False)
    for column in user.columns:
        if column not in merged.columns:
            merged[column] = ""
    shared = [k for k in keys if k in merged.index]
    new = user[~keys.isin(merged.index)]
    if shared:
        rows = user.set_index(key, drop=False).loc[shared]
        merged.loc[shared, list(user.columns)] = rows[list(user.columns)].to_numpy()
    if len(new):
        merged = pd.concat([merged, new.set_index(key, drop=False)])
    return merged.reset_index(drop=True).fillna(""), shared


def _check_new_materials(frame, codes):
    rows = frame.set_index("code", drop=False).loc[codes] if codes else frame.iloc[:0]
    no_unit = [c for c, u in zip(rows["code"], rows["unit"]) if u == ""]
    if no_unit:
        raise CatalogueError("catalogue_no_unit", codes=", ".join(no_unit[:5]))
    bad = [f"{c} ({u})" for c, u in zip(rows["code"], rows["unit"]) if u not in KNOWN_UNITS]
    if bad:
        raise CatalogueError(
            "catalogue_unknown_unit", codes=", ".join(bad[:5]), known=", ".join(KNOWN_UNITS)
        )


def _fill_names(text, codes):
    """A new material without names is shown by its English name, else by its code."""
    rows = text["code"].isin(codes)
    for column, fallback in (
        ("name_en", "code"),
        ("name_ru", "name_en"),
        ("short_en", "name_en"),
        ("short_ru", "name_ru"),
    ):
        if column not in text.columns:
            text[column] = ""
        empty = rows & (text[column] == "")
        text.loc[empty, column] = text.loc[empty, fallback]


def _conflicts(kind, before, after, keys):
    conflicts = []
    for key in keys:
        columns = tuple(
            c
            for c in after.columns
            if c in before.columns and not _same(before.at[key, c], after.at[key, c])
        )
        if columns:
            conflicts.append(CatalogueConflict(kind, str(key), columns))
    return conflicts


def merge_materials(user, base=None) -> tuple:
    """Lay a user's material table over the shipped one (or over ``base``).

    Parameters
    ----------
    user : str, pathlib.Path or pandas.DataFrame
        A CSV file or table with a ``code`` column and any of the catalogue's columns. A row
        whose code is shipped replaces the values of the columns the user table has; a new
        code is added and needs a ``unit`` from ``KNOWN_UNITS``. Without the mode columns
        (road_km, rail_km, water_km), a row's mode radii come from its radius_km and
        transport_modes.
    base : pandas.DataFrame, optional
        The catalogue to extend; the shipped ``resources/materials.csv`` when None.

    Returns
    -------
    (pandas.DataFrame, list of CatalogueConflict)
        The merged catalogue indexed by code (as ``load_materials`` returns it), and one
        conflict per shipped material whose values the user changed. The conflicts are also
        in ``frame.attrs["conflicts"]``.
    """
    base_text = _shipped_text("materials.csv", "Material") if base is None else _as_text(base)
    _require(base_text, MATERIAL_COLUMNS, "Material")
    user_text = _as_text(_read(user, "Material"))
    _require(user_text, ["code"], "User material")
    if not any(c in user_text.columns for c in MODE_COLUMNS.values()):
        # derive the user rows' mode radii from their own radius_km and transport_modes
        for column in MODE_COLUMNS.values():
            user_text[column] = ""
    merged_text, shared = _overlay(base_text, user_text, "code", "User material")
    new_codes = [c for c in user_text["code"] if c not in set(shared)]
    _check_new_materials(merged_text, new_codes)
    _fill_names(merged_text, new_codes)
    merged = _typed_materials(merged_text)
    before = _typed_materials(base_text)
    conflicts = _conflicts("material", before, merged, shared)
    merged.attrs["conflicts"] = conflicts
    return merged, conflicts


def load_materials(source=None) -> pd.DataFrame:
    """The material catalogue indexed by code.

    ``source`` (a CSV path or a table) is a user catalogue merged over the shipped list, user
    rows winning (see ``merge_materials``); the conflicts are in ``frame.attrs["conflicts"]``.
    Numeric columns: radius_km, road_km, rail_km, water_km (NaN: mode not allowed).
    """
    if source is not None:
        return merge_materials(source)[0]
    text = _shipped_text("materials.csv", "Material")
    _require(text, MATERIAL_COLUMNS, "Material")
    frame = _typed_materials(text)
    frame.attrs["conflicts"] = []
    return frame


def _typed_synergies(frame):
    frame = frame.copy()
    for column in SYNERGY_NUMERIC:
        if column in frame.columns:
            frame[column] = pd.to_numeric(frame[column], errors="coerce")
        else:
            frame[column] = 0.0
    for column in RULE_OPTIONAL_NUMERIC:
        if column in frame.columns:
            frame[column] = pd.to_numeric(frame[column], errors="coerce")
    frame["rule_id"] = frame["rule_id"].astype(str)
    return frame.reset_index(drop=True)


def load_synergies(source=None) -> pd.DataFrame:
    """The synergy rules: the shipped ones, or ``source`` (a CSV path or table) INSTEAD of
    them. To add rules to the shipped ones, use ``merge_synergies``."""
    frame = _read(source if source is not None else resource_path("synergies.csv"), "Synergy")
    _require(frame, SYNERGY_COLUMNS, "Synergy")
    return _typed_synergies(frame)


def merge_synergies(user, base=None) -> tuple:
    """Lay a user's rules over the shipped ones (or ``base``) by rule_id, user rows winning.

    Returns (rules as ``load_synergies`` gives them, list of CatalogueConflict); the user
    table needs ``rule_id``; a new rule needs every column of ``SYNERGY_COLUMNS``.
    """
    base_text = _shipped_text("synergies.csv", "Synergy") if base is None else _as_text(base)
    user_text = _as_text(_read(user, "Synergy"))
    _require(user_text, ["rule_id"], "User synergy")
    merged_text, shared = _overlay(base_text, user_text, "rule_id", "User synergy")
    new = merged_text[~merged_text["rule_id"].isin(base_text["rule_id"])]
    for column in SYNERGY_COLUMNS[1:4]:  # materials and ratio: a rule is useless without them
        if (new[column] == "").any():
            missing = ", ".join(new.loc[new[column] == "", "rule_id"].head(5))
            raise CatalogueError("catalogue_incomplete_rule", column=column, rules=missing)
    merged = _typed_synergies(merged_text)
    before = _typed_synergies(base_text).set_index("rule_id", drop=False)
    conflicts = _conflicts("rule", before, merged.set_index("rule_id", drop=False), shared)
    merged.attrs["conflicts"] = conflicts
    return merged, conflicts
