"""Checks of input tables before any work, shared by every algorithm and the explorer.

Each check raises :class:`~symbiosis_qgis.core.errors.InputError` naming the layer, the field
and the first offending features, so that a bad table stops a run with a message instead of
a traceback or a silently empty result.
"""

from __future__ import annotations

import math
from collections.abc import Iterable

import numpy as np
import pandas as pd

from .errors import InputError

FID = "_fid"  # feature id column of frames read from layers
SHOWN = 5  # offending features named in a message


def id_text(value) -> str:
    """An identifier as text, the same however the layer stored it.

    Integer-valued numbers lose their ".0" (an Integer64 or Real field holding 9000000000000
    gives "9000000000000", as a text field would); text is stripped; NULL and NaN give "".

    >>> id_text(9000000000000.0), id_text(" A1 "), id_text(None)
    ('9000000000000', 'A1', '')
    """
    if value is None:
        return ""
    if isinstance(value, (bool, np.bool_)):
        return str(value)
    if isinstance(value, (int, np.integer)):
        return str(int(value))
    if isinstance(value, (float, np.floating)):
        if math.isnan(value):
            return ""
        if math.isfinite(value) and float(value).is_integer():
            return str(int(value))
        return repr(float(value))
    return str(value).strip()


def id_texts(values: list) -> list:
    """:func:`id_text` of each value; a list of text (the usual case) is only stripped, which
    is what id_text does to text, without a call per value."""
    if all(type(v) is str for v in values):
        return [v.strip() for v in values]
    return [id_text(v) for v in values]


def normalise_ids(frame: pd.DataFrame, columns: Iterable[str]) -> pd.DataFrame:
    """A copy of ``frame`` whose id ``columns`` (those present) hold :func:`id_text` values."""
    out = frame.copy()
    for column in columns:
        if column in out.columns:
            out[column] = id_texts(out[column].tolist())
    return out


def _fids(frame: pd.DataFrame, mask) -> list:
    ids = frame[FID] if FID in frame.columns else pd.Series(frame.index, index=frame.index)
    return ids[mask].head(SHOWN).tolist()


def _listed(values) -> str:
    return ", ".join(str(v) for v in values)


def require_columns(frame: pd.DataFrame, columns: Iterable[str], layer: str) -> None:
    """Fail when ``frame`` lacks any of ``columns``."""
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        raise InputError("missing_fields", layer=layer, fields=", ".join(missing))


def require_unique_ids(frame: pd.DataFrame, column: str, layer: str) -> None:
    """Fail when ``column`` is empty anywhere or repeats a value (ids as :func:`id_text`)."""
    ids = pd.Series(id_texts(frame[column].tolist()), index=frame.index, dtype=object)
    empty = ids == ""
    if empty.any():
        raise InputError("empty_ids", layer=layer, field=column, fids=_listed(_fids(frame, empty)))
    repeated = ids[ids.duplicated(keep=False)]
    if len(repeated):
        examples = repeated.drop_duplicates().head(SHOWN).tolist()
        raise InputError(
            "duplicate_ids",
            layer=layer,
            field=column,
            count=repeated.nunique(),
            examples=_listed(f"'{v}'" for v in examples),
        )


def numeric_column(
    frame: pd.DataFrame,
    column: str,
    layer: str,
    minimum: float | None = None,
    allow_empty: bool = False,
) -> pd.Series:
    """``column`` as floats; fail on text, NaN or infinity (and below ``minimum``).

    Empty cells are NaN when ``allow_empty`` (an optional price, say), else an error.
    """
    raw = frame[column]
    values = pd.to_numeric(raw, errors="coerce").astype(float)
    empty = raw.isna() | (raw.astype(str).str.strip() == "")
    bad = ~np.isfinite(values)
    if allow_empty:
        bad &= ~empty
    if bad.any():
        shown = raw[bad].head(SHOWN).tolist()
        raise InputError(
            "not_numbers",
            layer=layer,
            field=column,
            fids=_listed(_fids(frame, bad)),
            values=_listed(repr(v) for v in shown),
        )
    if minimum is not None:
        low = values < minimum
        if low.any():
            raise InputError(
                "below_minimum",
                layer=layer,
                field=column,
                minimum=minimum,
                fids=_listed(_fids(frame, low)),
                values=_listed(values[low].head(SHOWN).tolist()),
            )
    return values


def check_flows(flows: pd.DataFrame, layer: str) -> pd.DataFrame:
    """The flow table, checked: unique flow ids, known directions, finite non-negative
    quantities, finite prices where given. Returns a copy with ids as text and numbers as
    floats; zero quantities pass (the algorithms skip and count them)."""
    require_columns(flows, ["flow_id", "ent_id", "direction", "material", "quantity"], layer)
    require_unique_ids(flows, "flow_id", layer)
    direction = flows["direction"].astype(str).str.strip().str.lower()
    bad = ~direction.isin(["supply", "demand"])
    if bad.any():
        raise InputError(
            "bad_direction",
            layer=layer,
            fids=_listed(_fids(flows, bad)),
            values=_listed(repr(v) for v in flows.loc[bad, "direction"].head(SHOWN)),
        )
    out = normalise_ids(flows, ["flow_id", "ent_id"])
    out["direction"] = direction
    out["quantity"] = numeric_column(flows, "quantity", layer, minimum=0.0)
    if "price" in flows.columns:
        out["price"] = numeric_column(flows, "price", layer, allow_empty=True)
    return out


def check_enterprises(enterprises: pd.DataFrame, layer: str) -> pd.DataFrame:
    """The enterprise table with unique, non-empty ``ent_id`` as text."""
    require_columns(enterprises, ["ent_id"], layer)
    require_unique_ids(enterprises, "ent_id", layer)
    return normalise_ids(enterprises, ["ent_id"])


def check_share(value: float, name: str) -> float:
    """A share in 0..1 (scenario shares, co-financing), as a float."""
    number = check_finite(value, name)
    if not 0.0 <= number <= 1.0:
        raise InputError("share_out_of_range", name=name, value=value)
    return number


def check_finite(value, name: str) -> float:
    """A finite number, as a float."""
    try:
        number = float(value)
    except (TypeError, ValueError):
        raise InputError("not_finite", name=name, value=value) from None
    if not math.isfinite(number):
        raise InputError("not_finite", name=name, value=value)
    return number
