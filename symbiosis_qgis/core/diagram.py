"""The symbiosis diagram: curved arrows from each waste's source to its user, and symbols.

Arrows have three vertices (supplier, a control point off the chord, consumer), so QGIS's
arrow symbol layer draws them as curves. Flows between the same two enterprises bend by
growing offsets, and a flow in the opposite direction bends to the other side, so none hides
another. Schematic mode spreads enterprises of a dense node apart, each as near its real
position as the spacing allows.

Bundling merges the arrows of one material (in one unit) into one consumer: a fan of mines
feeding a power plant becomes one arrow with the summed quantity and the count of its
suppliers, drawn from the suppliers' quantity-weighted centre. Top N keeps the N arrows of
largest annual value (the links' ``benefit``, RUB/yr) when every link has one, else the
largest of each unit in turn, so tonnes are never compared with cubic metres. Eco-industrial
parks (siteparks' PARKS and SUPPLY_LINKS) join the diagram as nodes of their own role with
their catchment arrows.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd
from scipy.spatial import cKDTree

from .catalogue import load_materials
from .definitions import WIDTH_BREAKS, sector_group
from .inputs import normalise_ids
from .text import QT_TRANSLATE_NOOP, format_number

BEND = 0.12  # offset of the control point, as a share of the chord, per parallel flow

PARK_GROUP = "park"  # sector_group of an eco-industrial park in the diagram's nodes
PARK_SECTOR = "eco_industrial_park"
PARK_LEGEND = QT_TRANSLATE_NOOP("@default", "Eco-industrial parks")
ENTERPRISE_ROLE, PARK_ROLE = "enterprise", "park"

# Per catalogue unit, from the largest: (threshold, divisor, Russian, English) — a label
# reads "3.4 Mt/yr", not "3,400 kt/yr" or "3,400,000 t/yr".
QUANTITY_SCALES = {
    "t/yr": [
        (1e6, 1e6, "млн т/год", "Mt/yr"),
        (1e3, 1e3, "тыс. т/год", "kt/yr"),
        (0.0, 1.0, "т/год", "t/yr"),
    ],
    "GJ/yr": [
        (1e6, 1e6, "млн ГДж/год", "PJ/yr"),
        (1e3, 1e3, "тыс. ГДж/год", "TJ/yr"),
        (0.0, 1.0, "ГДж/год", "GJ/yr"),
    ],
    "MWh/yr": [
        (1e6, 1e6, "млн МВт·ч/год", "TWh/yr"),
        (1e3, 1e3, "тыс. МВт·ч/год", "GWh/yr"),
        (0.0, 1.0, "МВт·ч/год", "MWh/yr"),
    ],
    "thousand m3/yr": [
        (1e6, 1e6, "млрд м³/год", "billion m3/yr"),
        (1e3, 1e3, "млн м³/год", "million m3/yr"),
        (0.0, 1.0, "тыс. м³/год", "thousand m3/yr"),
    ],
}

# What a bundle's suppliers are called when they share a sector group, else "suppliers":
# (English singular, plural), (Russian forms for 1, 2-4, 5+)
SUPPLIER_NOUNS = {
    "mine": (
        ("mine", "mines"),
        ("горное предприятие", "горных предприятия", "горных предприятий"),
    ),
    "power": (
        ("power plant", "power plants"),
        ("электростанция", "электростанции", "электростанций"),
    ),
    "metallurgy": (
        ("steelworks", "steelworks"),
        ("металлургический завод", "металлургических завода", "металлургических заводов"),
    ),
    "": (("supplier", "suppliers"), ("поставщик", "поставщика", "поставщиков")),
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


def _lang(language: str) -> str:
    return "ru" if str(language).lower().startswith("ru") else "en"


def human_quantity(quantity: float, unit: str, language: str = "ru") -> str:
    """A quantity per year in the largest unit it reaches, in ``language``.

    One decimal below 10 (unless it is whole), digits grouped by
    :func:`~symbiosis_qgis.core.text.format_number`; units outside the catalogue keep their
    own name.

    >>> human_quantity(3_412_000, "t/yr", "en"), human_quantity(82_400, "t/yr", "ru")
    ('3.4 Mt/yr', '82 тыс. т/год')
    """
    lang = _lang(language)
    scales = QUANTITY_SCALES.get(unit)
    q = float(quantity)
    if scales is None:
        return f"{format_number(q, 0, lang)} {unit}".strip()
    # the first scale the quantity reaches (the last one starts at 0)
    divisor, ru, en = next((d, r, e) for t, d, r, e in scales if abs(q) >= t or t == 0.0)
    value = q / divisor
    decimals = 1 if abs(value) < 10 and round(value, 1) != round(value) else 0
    return f"{format_number(value, decimals, lang)} {ru if lang == 'ru' else en}"


def russian_plural(count: int, forms: tuple[str, str, str]) -> str:
    """The Russian form for ``count``: 1 шахта, 2 шахты, 5 шахт, 21 шахта, 12 шахт."""
    n = abs(int(count))
    if n % 10 == 1 and n % 100 != 11:
        return forms[0]
    if 2 <= n % 10 <= 4 and not 12 <= n % 100 <= 14:
        return forms[1]
    return forms[2]


def suppliers_text(count: int, group: str, language: str = "ru") -> str:
    """'12 mines' / '12 горных предприятий'; 'suppliers' when the group has no noun."""
    english, russian = SUPPLIER_NOUNS.get(group, SUPPLIER_NOUNS[""])
    if _lang(language) == "ru":
        noun = russian_plural(count, russian)
    else:
        noun = english[0] if count == 1 else english[1]
    return f"{count} {noun}"


def quantity_label(material, quantity, unit, language="ru", materials=None, suppliers=""):
    """'Fly ash\n82 kt/yr' in the chosen language (the catalogue's short names); a bundle
    names its suppliers: 'Coal tailings\n8 mines: 4 Mt/yr'."""
    materials = load_materials() if materials is None else materials
    column = "short_ru" if _lang(language) == "ru" else "short_en"
    name = materials.at[material, column] if material in materials.index else material
    amount = human_quantity(quantity, unit, language)
    return f"{name}\n{suppliers}: {amount}" if suppliers else f"{name}\n{amount}"


def park_label(name: str, tonnes=0.0, gas_th_m3=0.0, heat_gj=0.0, language="ru") -> str:
    """A park's name and what it takes in per year: 'Baidaevskaya\n2 Mt/yr · 12 million m3/yr'."""
    parts = [
        human_quantity(value, unit, language)
        for value, unit in ((tonnes, "t/yr"), (gas_th_m3, "thousand m3/yr"), (heat_gj, "GJ/yr"))
        if _finite(value) > 0
    ]
    return f"{name}\n{' · '.join(parts)}" if parts else str(name)


def _finite(value) -> float:
    try:
        number = float(value)
    except (TypeError, ValueError):
        return 0.0
    return number if np.isfinite(number) else 0.0


# ------------------------------------------------------------------ bundling and top N
def bundle_arrows(links: pd.DataFrame, bundle: bool = True) -> pd.DataFrame:
    """One arrow per (consumer, material, unit) when ``bundle``, else one per link.

    links: supply_ent, demand_ent, material, qty_unit, quantity, value (NaN when unknown).
    Returns arrows with supply_ent (the supplier's id; a bundle of several suppliers lists
    them, largest first, comma-separated), demand_ent, material, qty_unit, quantity (summed
    within the unit, never across units), value (summed; NaN if any member's is unknown),
    n_suppliers, supplier_ids (largest first) with supplier_qty, and members (the links'
    row labels). Order: first appearance of each group in ``links``.
    """
    if not bundle:  # one arrow per link, built by columns (candidates may be many)
        out = links[["supply_ent", "demand_ent", "material", "qty_unit"]].copy()
        out["quantity"] = links["quantity"].astype(float)
        out["value"] = links["value"].astype(float)
        out["n_suppliers"] = 1
        out["supplier_ids"] = [[s] for s in links["supply_ent"]]
        out["supplier_qty"] = [[q] for q in out["quantity"]]
        out["members"] = [[i] for i in links.index]
        return out.reset_index(drop=True)
    lk = links.copy()
    lk["_row"] = lk.index
    rows = []
    for _, group in lk.groupby(["demand_ent", "material", "qty_unit"], sort=False, dropna=False):
        per_supplier = group.groupby("supply_ent", sort=False)["quantity"].sum()
        # largest first; equal quantities keep the order the links came in
        order = per_supplier.sort_values(ascending=False, kind="stable").index.tolist()
        values = group["value"]
        rows.append(
            {
                "supply_ent": ",".join(order),
                "demand_ent": group["demand_ent"].iat[0],
                "material": group["material"].iat[0],
                "qty_unit": group["qty_unit"].iat[0],
                "quantity": float(group["quantity"].sum()),
                "value": float(values.sum()) if values.notna().all() else np.nan,
                "n_suppliers": len(order),
                "supplier_ids": order,
                "supplier_qty": per_supplier.loc[order].tolist(),
                "members": group["_row"].tolist(),
            }
        )
    columns = [
        "supply_ent",
        "demand_ent",
        "material",
        "qty_unit",
        "quantity",
        "value",
        "n_suppliers",
        "supplier_ids",
        "supplier_qty",
        "members",
    ]
    return pd.DataFrame(rows, columns=columns)


@dataclass
class Omitted:
    """What top N left out of the diagram."""

    arrows: int = 0
    links: int = 0
    quantity: dict[str, float] = field(default_factory=dict)  # per unit
    value: float = 0.0  # RUB/yr; NaN when the ranking was not by value
    ranked_by: str = ""  # "value" or "quantity"
    tie_cut: bool = False  # an arrow equal to the last one kept was left out


def rank_arrows(arrows: pd.DataFrame) -> tuple[np.ndarray, str]:
    """Positions of ``arrows`` from most to least important, and the measure used.

    By value (RUB/yr) when every arrow has a finite one, the one measure that compares
    tonnes with gas and heat; otherwise by quantity within each unit, taking the largest of
    every unit, then the second of every unit, and so on (within a round, larger share of the
    unit's total first). Ties keep the arrows' order.
    """
    n = len(arrows)
    value = pd.to_numeric(arrows["value"], errors="coerce").to_numpy(float)
    if n and np.isfinite(value).all():
        return np.argsort(-value, kind="stable"), "value"
    qty = arrows["quantity"].to_numpy(float)
    unit = arrows["qty_unit"].astype(str)
    frame = pd.DataFrame({"qty": qty, "unit": unit.to_numpy(), "pos": np.arange(n)})
    frame["share"] = frame["qty"] / frame.groupby("unit")["qty"].transform("sum").replace(0, 1)
    frame = frame.sort_values(["qty", "pos"], ascending=[False, True], kind="stable")
    frame["round"] = frame.groupby("unit").cumcount()
    frame = frame.sort_values(
        ["round", "share", "pos"], ascending=[True, False, True], kind="stable"
    )
    return frame["pos"].to_numpy(), "quantity"


def top_arrows(arrows: pd.DataFrame, top_n: int) -> tuple[pd.DataFrame, Omitted]:
    """The ``top_n`` most important arrows (all when ``top_n`` <= 0 or there are fewer), in
    their original order, and what was left out. Exactly ``top_n`` are kept: a tie at the
    last place is broken by the arrows' order and reported in ``Omitted.tie_cut``."""
    if top_n <= 0 or len(arrows) <= top_n:
        return arrows, Omitted()
    order, measure = rank_arrows(arrows)
    keep = np.sort(order[:top_n])
    drop = order[top_n:]
    left = arrows.iloc[drop]
    key = arrows["value"] if measure == "value" else arrows["quantity"]
    last_kept, first_left = key.iloc[order[top_n - 1]], key.iloc[order[top_n]]
    omitted = Omitted(
        arrows=len(left),
        links=int(left["members"].map(len).sum()),
        quantity=left.groupby("qty_unit")["quantity"].sum().to_dict(),
        value=float(left["value"].sum()) if measure == "value" else float("nan"),
        ranked_by=measure,
        tie_cut=bool(last_kept == first_left),
    )
    return arrows.iloc[keep], omitted


def bundle_origins(sx, sy, weights, cx, cy):
    """Where a bundle's arrow starts: the suppliers' quantity-weighted centre, moved out
    along its own direction to at least half the suppliers' mean distance from the consumer
    (cx, cy), so that suppliers on both sides of the consumer still give a visible arrow."""
    sx, sy = np.asarray(sx, float), np.asarray(sy, float)
    w = np.asarray(weights, float)
    w = w if w.sum() > 0 else np.ones_like(w)
    x, y = np.average(sx, weights=w), np.average(sy, weights=w)
    reach = 0.5 * np.average(np.hypot(sx - cx, sy - cy), weights=w)
    vx, vy = x - cx, y - cy
    length = np.hypot(vx, vy)
    if length >= reach:
        return float(x), float(y)
    if length < 1e-9:  # the centre sits on the consumer: head off towards the largest
        biggest = int(np.argmax(w))
        vx, vy = sx[biggest] - cx, sy[biggest] - cy
        length = max(np.hypot(vx, vy), 1e-9)
    return float(cx + vx / length * reach), float(cy + vy / length * reach)


# ------------------------------------------------------------------ the diagram
@dataclass
class Diagram:
    """The diagram's arrows (with a 'coords' column) and nodes, and what top N left out."""

    arrows: pd.DataFrame
    nodes: pd.DataFrame
    omitted: Omitted
    unplaced_links: int = 0  # links whose supplier or consumer has no position


def _link_frame(links: pd.DataFrame) -> pd.DataFrame:
    """supply_ent, demand_ent, material, quantity, qty_unit, value of each link."""
    lk = normalise_ids(links.reset_index(drop=True), ("supply_ent", "demand_ent"))
    qty_column = next((c for c in ("tonnage", "potential") if c in lk.columns), None)
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
    lk["material"] = (
        lk["supply_mat"].astype(str) if "supply_mat" in lk.columns else pd.Series("", lk.index)
    )
    lk["value"] = (
        pd.to_numeric(lk["benefit"], errors="coerce") if "benefit" in lk.columns else np.nan
    )
    return lk


def _park_link_frame(park_links: pd.DataFrame | None) -> pd.DataFrame:
    """siteparks' SUPPLY_LINKS as diagram links (supplier -> park)."""
    columns = ["supply_ent", "demand_ent", "material", "quantity", "qty_unit", "value"]
    if park_links is None or park_links.empty:
        return pd.DataFrame(columns=columns)
    pl = normalise_ids(park_links.reset_index(drop=True), ("ent_id", "site_id"))
    return pd.DataFrame(
        {
            "supply_ent": pl["ent_id"],
            "demand_ent": pl["site_id"],
            "material": pl["material"].astype(str),
            "quantity": pd.to_numeric(pl["amount"], errors="coerce").fillna(0.0),
            "qty_unit": pl["unit"].astype(str),
            "value": np.nan,  # parks' arrows are not ranked: top N is about exchanges
        }
    )


def _park_nodes(parks: pd.DataFrame | None, language: str) -> pd.DataFrame:
    """Parks as diagram nodes: id, name, label, sector, role, tenants, x, y."""
    columns = ["ent_id", "name", "label", "sector", "role", "tenants", "x", "y"]
    if parks is None or parks.empty:
        return pd.DataFrame(columns=columns).set_index("ent_id")
    pk = normalise_ids(parks.reset_index(drop=True), ("site_id",))
    # the name in the diagram's language, else the other one, else the id (as for enterprises)
    names = [_name(row, language, row["site_id"]) for _, row in pk.iterrows()]
    # siteparks' tenant_names are words ("Slag cement × 2"); tenants are codes
    tenant_column = next((c for c in ("tenant_names", "tenants") if c in pk.columns), None)
    out = pd.DataFrame(
        {
            "ent_id": pk["site_id"],
            "name": names,
            "label": [
                park_label(
                    name,
                    tonnes=_finite(r.get("tonnes")),
                    gas_th_m3=_finite(r.get("gas_th_m3")),
                    heat_gj=_finite(r.get("heat_gj")),
                    language=language,
                )
                for name, (_, r) in zip(names, pk.iterrows())
            ],
            "sector": PARK_SECTOR,
            "role": PARK_ROLE,
            "tenants": pk[tenant_column].fillna("").astype(str) if tenant_column else "",
            "x": pd.to_numeric(pk["x"], errors="coerce"),
            "y": pd.to_numeric(pk["y"], errors="coerce"),
        }
    )
    return out.dropna(subset=["x", "y"]).drop_duplicates("ent_id").set_index("ent_id")


def build_diagram(
    links: pd.DataFrame,
    enterprises: pd.DataFrame,
    language: str = "ru",
    schematic: bool = False,
    min_separation: float = 3000.0,
    materials: pd.DataFrame | None = None,
    is_canceled=None,
    bundle: bool = False,
    top_n: int = 0,
    parks: pd.DataFrame | None = None,
    park_links: pd.DataFrame | None = None,
) -> Diagram:
    """The symbiosis diagram of ``links`` (and of parks, when given).

    Parameters
    ----------
    links : DataFrame
        supply_ent, demand_ent, supply_mat and tonnage (else potential) per row; ``benefit``
        (RUB/yr) when present ranks the arrows for ``top_n``.
    enterprises : DataFrame
        ent_id, name, name_ru, sector, x, y in a metric CRS (metres).
    language : str
        "ru" or "en": labels, units and number format.
    schematic : bool
        Spread the nodes at least ``min_separation`` apart (also sets the arrows' trim).
    bundle : bool
        One arrow per consumer, material and unit (see :func:`bundle_arrows`).
    top_n : int
        Keep the ``top_n`` most important exchange arrows (see :func:`rank_arrows`); 0 = all.
        Park supply arrows are always kept.
    parks, park_links : DataFrame, optional
        siteparks' PARKS (site_id, name, name_ru, tonnes, gas_th_m3, heat_gj, tenant_names
        or tenants, x, y in the same metric CRS) and SUPPLY_LINKS (ent_id, site_id, material,
        amount, unit).

    Returns
    -------
    Diagram
        arrows: supply_ent, demand_ent, material, category, quantity, qty_unit, width_class,
        label, supply_name, demand_name, n_suppliers, suppliers, kind, coords; nodes: ent_id,
        label, sector, sector_group, throughput, size_class, role, tenants, x, y.
    """
    materials = load_materials() if materials is None else materials
    ents = normalise_ids(enterprises, ("ent_id",))
    ents = ents.dropna(subset=["x", "y"]).drop_duplicates("ent_id").set_index("ent_id")
    park_nodes = _park_nodes(parks, language)

    exchange = _link_frame(links)
    exchange["kind"] = "exchange"
    to_parks = _park_link_frame(park_links)
    to_parks["kind"] = "park"
    placed = []
    unplaced = 0
    for frame, consumers in ((exchange, ents.index), (to_parks, park_nodes.index)):
        inside = frame["supply_ent"].isin(ents.index) & frame["demand_ent"].isin(consumers)
        unplaced += int((~inside).sum())
        placed.append(frame[inside].reset_index(drop=True))
    exchange, to_parks = placed

    arrows_ex, omitted = top_arrows(bundle_arrows(exchange, bundle), top_n)
    arrows_pk = bundle_arrows(to_parks, bundle)
    arrows_ex["kind"], arrows_pk["kind"] = "exchange", "park"
    kept_links = pd.concat(
        [
            exchange.loc[[m for ms in arrows_ex["members"] for m in ms]],
            to_parks.loc[[m for ms in arrows_pk["members"] for m in ms]],
        ],
        ignore_index=True,
    )
    arrows = pd.concat([arrows_ex, arrows_pk], ignore_index=True)
    arrows = arrows.astype({"quantity": float, "n_suppliers": int})

    used = pd.unique(pd.concat([kept_links["supply_ent"], kept_links["demand_ent"]]))
    ent_used = [e for e in used if e in ents.index]
    nodes = ents.loc[ent_used].copy()
    nodes["name_shown"] = [_name(row, language, ent_id) for ent_id, row in nodes.iterrows()]
    nodes["label"] = nodes["name_shown"]
    nodes["role"] = ENTERPRISE_ROLE
    nodes["tenants"] = ""
    nodes["sector_group"] = nodes.get("sector", pd.Series("", nodes.index)).map(sector_group)
    parks_shown = park_nodes.copy()
    parks_shown["name_shown"] = parks_shown["name"]
    parks_shown["sector_group"] = PARK_GROUP
    nodes = pd.concat([nodes, parks_shown])
    if schematic and len(nodes) > 1:
        nodes["x"], nodes["y"] = spread_positions(
            nodes["x"], nodes["y"], min_separation, is_canceled=is_canceled
        )
    arrows["coords"] = _arrow_coords(arrows, nodes, 0.3 * min_separation)

    arrows["category"] = arrows["material"].map(materials["category"]).fillna("other")
    arrows["width_class"] = width_class(arrows["quantity"])
    name_of, group_of = nodes["name_shown"].to_dict(), nodes["sector_group"].to_dict()
    arrows["supply_name"] = [
        name_of[ids[0]]
        if len(ids) == 1
        else suppliers_text(len(ids), _common_group([group_of[i] for i in ids]), language)
        for ids in arrows["supplier_ids"]
    ]
    arrows["suppliers"] = ["; ".join(name_of[i] for i in ids) for ids in arrows["supplier_ids"]]
    arrows["demand_name"] = arrows["demand_ent"].map(nodes["name_shown"])
    arrows["label"] = [
        quantity_label(m, q, u, language, materials, "" if n == 1 else who)
        for m, q, u, n, who in zip(
            arrows["material"],
            arrows["quantity"],
            arrows["qty_unit"],
            arrows["n_suppliers"],
            arrows["supply_name"],
        )
    ]
    throughput = (
        pd.concat(
            [
                kept_links.groupby("supply_ent")["quantity"].sum(),
                kept_links.groupby("demand_ent")["quantity"].sum(),
            ]
        )
        .groupby(level=0)
        .sum()
    )
    nodes["throughput"] = throughput.reindex(nodes.index).fillna(0.0)
    nodes["size_class"] = width_class(nodes["throughput"])
    nodes = nodes.drop(columns=["name_shown"]).rename_axis("ent_id").reset_index()
    arrows = arrows.drop(columns=["members", "supplier_ids", "supplier_qty", "value"])
    return Diagram(arrows, nodes, omitted, unplaced)


def _common_group(groups: list[str]) -> str:
    return groups[0] if len(set(groups)) == 1 else ""


def _arrow_coords(arrows, nodes, trim):
    """Curved arrows from each supplier (a bundle: from its suppliers' centre) to the
    consumer; parallel arrows of a pair bend apart."""
    if arrows.empty:
        return []
    cx = arrows["demand_ent"].map(nodes["x"]).to_numpy(float)
    cy = arrows["demand_ent"].map(nodes["y"]).to_numpy(float)
    first = arrows["supplier_ids"].str[0]
    sx = first.map(nodes["x"]).to_numpy(float)
    sy = first.map(nodes["y"]).to_numpy(float)
    for k in np.flatnonzero(arrows["n_suppliers"].to_numpy() > 1):
        ids = arrows["supplier_ids"].iat[k]
        px, py = nodes.loc[ids, "x"].to_numpy(float), nodes.loc[ids, "y"].to_numpy(float)
        sx[k], sy[k] = bundle_origins(px, py, arrows["supplier_qty"].iat[k], cx[k], cy[k])
    pairs = list(zip(arrows["supply_ent"], arrows["demand_ent"]))
    return curved_arrows(sx, sy, cx, cy, pairs, trim=trim)


def diagram_tables(
    links,
    enterprises,
    language="ru",
    schematic=False,
    min_separation=3000.0,
    materials=None,
    is_canceled=None,
):
    """(arrows frame with a 'coords' column, nodes frame) for the links' enterprises, one
    arrow per link (the explorer's view; :func:`build_diagram` bundles and selects)."""
    diagram = build_diagram(
        links,
        enterprises,
        language=language,
        schematic=schematic,
        min_separation=min_separation,
        materials=materials,
        is_canceled=is_canceled,
    )
    return diagram.arrows, diagram.nodes


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
