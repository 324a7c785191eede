"""The symbiosis diagram: curved arrows from each waste's source to its user, and symbols.

Arrows have three vertices (supplier, a control point off the chord, consumer), so QGIS's
arrow symbol layer draws them as curves. Flows between the same two enterprises bend by
growing offsets, and a flow in the opposite direction bends to the other side, so none hides
another. Schematic mode spreads enterprises of a dense node apart, each as near its real
position as the spacing allows.
"""

import numpy as np
import pandas as pd
from scipy.spatial import cKDTree

from .catalogue import load_materials
from .definitions import WIDTH_BREAKS, sector_group
from .inputs import normalise_ids

BEND = 0.12  # offset of the control point, as a share of the chord, per parallel flow

UNIT_LABELS = {
    "ru": {
        "t/yr": "тыс. т/год",
        "GJ/yr": "тыс. ГДж/год",
        "MWh/yr": "тыс. МВт·ч/год",
        "thousand m3/yr": "млн м³/год",
    },
    "en": {
        "t/yr": "kt/yr",
        "GJ/yr": "TJ/yr",
        "MWh/yr": "GWh/yr",
        "thousand m3/yr": "million m3/yr",
    },
}


def width_class(quantity):
    """1-5 for each quantity (units per year)."""
    q = np.nan_to_num(np.asarray(quantity, float), nan=0.0)
    return np.searchsorted(WIDTH_BREAKS, q, side="right") + 1


def curved_arrows(sx, sy, dx, dy, pair_keys, trim=0.0):
    """Three-vertex arrows; parallel flows of a pair bend by 1, 2, 3... offsets.

    pair_keys: (supplier, consumer) per arrow, to count parallel flows. trim: distance kept
    free at each end (map units), so that the head stops at the symbol, not under it.
    """
    sx, sy, dx, dy = (np.asarray(a, float) for a in (sx, sy, dx, dy))
    keys = pd.Series(pd.factorize(pd.Series(list(pair_keys), dtype=object))[0])
    rank = keys.groupby(keys).cumcount().to_numpy()
    chord_x, chord_y = dx - sx, dy - sy
    # the left-hand normal of the direction of travel: a reverse flow bends the other way
    nx_, ny_ = -chord_y, chord_x
    offset = BEND * (rank + 1)
    mx = (sx + dx) / 2 + nx_ * offset
    my = (sy + dy) / 2 + ny_ * offset
    start = _towards(sx, sy, mx, my, trim * 0.6)
    end = _towards(dx, dy, mx, my, trim)
    return [np.array([start[k], [mx[k], my[k]], end[k]]) for k in range(len(sx))]


def _towards(x, y, tx, ty, distance):
    """Points moved ``distance`` towards (tx, ty), never past half the way."""
    vx, vy = tx - x, ty - y
    length = np.maximum(np.hypot(vx, vy), 1e-9)
    step = np.minimum(distance, length / 2) / length
    return np.column_stack([x + vx * step, y + vy * step])


def spread_positions(x, y, min_separation, iterations=500, pull=0.05, is_canceled=None):
    """Move points apart until no two are closer than ``min_separation``, each pulled back
    towards its real position. Deterministic; returns new (x, y). ``is_canceled()`` is asked
    every step; when it answers True the positions reached so far are returned."""
    anchor = np.column_stack([np.asarray(x, float), np.asarray(y, float)])
    pos = anchor.copy()
    rng = np.random.default_rng(0)
    # coincident points have no direction to part in: give them a tiny deterministic nudge
    pos += rng.normal(scale=min_separation * 1e-3, size=pos.shape)
    target = min_separation * 1.02
    for step in range(iterations * 3):
        if is_canceled is not None and is_canceled():
            break
        pairs = cKDTree(pos).query_pairs(target, output_type="ndarray")
        if len(pairs) == 0:
            break
        a, b = pairs[:, 0], pairs[:, 1]
        delta = pos[b] - pos[a]
        dist = np.maximum(np.hypot(delta[:, 0], delta[:, 1]), 1e-9)
        push = ((target - dist) / 2 / dist)[:, None] * delta
        # bincount sums the pushes per point ~10x faster than np.add.at
        n = len(pos)
        move = np.column_stack(
            [np.bincount(b, push[:, k], n) - np.bincount(a, push[:, k], n) for k in range(2)]
        )
        pos += move
        if step < iterations:  # pull free points home; past that, only part the crowd
            free = (np.abs(move).sum(axis=1) == 0)[:, None]
            pos += pull * (anchor - pos) * free
    return pos[:, 0], pos[:, 1]


def quantity_label(material, quantity, unit, language="ru", materials=None):
    """'Fly ash\\n82 kt/yr' in the chosen language (the catalogue's short names)."""
    materials = load_materials() if materials is None else materials
    column = "short_ru" if language == "ru" else "short_en"
    name = materials.at[material, column] if material in materials.index else material
    units = UNIT_LABELS.get(language, UNIT_LABELS["en"])
    if unit in units:
        value = f"{quantity / 1000:,.0f}".replace(",", "\u202f")
        return f"{name}\n{value} {units[unit]}"
    return f"{name}\n{quantity:,.0f} {unit}"


def diagram_tables(
    links,
    enterprises,
    language="ru",
    schematic=False,
    min_separation=3000.0,
    materials=None,
    is_canceled=None,
):
    """(arrows frame with a 'coords' column, nodes frame) for the links' enterprises.

    enterprises: ent_id, name, name_ru, sector, x, y in a metric CRS (metres).
    links: supply_ent, demand_ent, supply_mat and tonnage (else potential) per row.
    """
    materials = load_materials() if materials is None else materials
    lk = normalise_ids(links.reset_index(drop=True), ("supply_ent", "demand_ent"))
    qty_column = (
        "tonnage"
        if "tonnage" in lk.columns
        else "potential"
        if "potential" in lk.columns
        else None
    )
    lk["quantity"] = (
        pd.to_numeric(lk[qty_column], errors="coerce").fillna(0.0) if qty_column else 1.0
    )
    unit_column = (
        "unit"
        if "unit" in lk.columns and qty_column == "tonnage"
        else "supply_unit"
        if "supply_unit" in lk.columns
        else None
    )
    lk["qty_unit"] = lk[unit_column].astype(str) if unit_column else "t/yr"
    if qty_column == "potential" and "unit" in lk.columns:
        lk["qty_unit"] = lk["unit"].astype(str)  # candidates: potential is in demand units
    ents = normalise_ids(enterprises, ("ent_id",))
    ents = ents.dropna(subset=["x", "y"]).drop_duplicates("ent_id").set_index("ent_id")
    lk = lk[lk["supply_ent"].isin(ents.index) & lk["demand_ent"].isin(ents.index)]
    lk = lk.reset_index(drop=True)
    used = pd.unique(pd.concat([lk["supply_ent"], lk["demand_ent"]]))
    nodes = ents.loc[used].copy()
    if schematic and len(nodes) > 1:
        nodes["x"], nodes["y"] = spread_positions(
            nodes["x"], nodes["y"], min_separation, is_canceled=is_canceled
        )
    s, d = nodes.loc[lk["supply_ent"]], nodes.loc[lk["demand_ent"]]
    lk["coords"] = curved_arrows(
        s["x"],
        s["y"],
        d["x"],
        d["y"],
        list(zip(lk["supply_ent"], lk["demand_ent"])),
        trim=0.3 * min_separation,
    )
    mat = lk["supply_mat"].astype(str) if "supply_mat" in lk.columns else pd.Series("", lk.index)
    lk["material"] = mat
    lk["category"] = mat.map(materials["category"]).fillna("other")
    lk["width_class"] = width_class(lk["quantity"])
    lk["label"] = [
        quantity_label(m, q, u, language, materials)
        for m, q, u in zip(mat, lk["quantity"], lk["qty_unit"])
    ]
    throughput = (
        pd.concat(
            [
                lk.groupby("supply_ent")["quantity"].sum(),
                lk.groupby("demand_ent")["quantity"].sum(),
            ]
        )
        .groupby(level=0)
        .sum()
    )
    nodes["throughput"] = throughput.reindex(nodes.index).fillna(0.0)
    nodes["size_class"] = width_class(nodes["throughput"])
    nodes["sector_group"] = nodes.get("sector", pd.Series("", nodes.index)).map(sector_group)
    nodes["label"] = [_name(row, language, ent_id) for ent_id, row in nodes.iterrows()]
    lk["supply_name"] = lk["supply_ent"].map(nodes["label"])
    lk["demand_name"] = lk["demand_ent"].map(nodes["label"])
    return lk, nodes.reset_index()


def _name(row, language, ent_id):
    """Name in the chosen language, else the other one, else the id."""
    order = ["name_ru", "name"] if language == "ru" else ["name", "name_ru"]
    for column in order:
        value = row.get(column)
        if (
            value is not None
            and not (isinstance(value, float) and np.isnan(value))
            and str(value).strip()
        ):
            return str(value).strip()
    return str(ent_id)
