"""Flow balance as a Sankey diagram: generating sectors -> using sectors or disposal.

Counts supplies in t/yr (the only unit that adds up across materials). Each generating
sector's band splits into what the chosen exchanges take to each using sector and what is
left for disposal, so a sector's outgoing total equals what it generates. Bands are split by
material category too, so they can be coloured by the category's colour in core.definitions:
the same colour for the same material in every view.
"""

from dataclasses import dataclass, field

import pandas as pd

from .catalogue import load_materials
from .definitions import MATERIAL_CATEGORIES, OTHER_CATEGORY_COLOUR

DISPOSAL = "disposal"
OTHER = "other"
LINK_COLUMNS = ["source", "target", "category", "tonnes"]


@dataclass
class Sankey:
    """Sources (generating sectors), targets (using sectors, then DISPOSAL) and the links
    (source, target, category, tonnes) between them."""

    sources: list  # generating sectors, largest first
    targets: list  # using sectors, largest first, then DISPOSAL
    links: pd.DataFrame  # source, target, category, tonnes
    generated: dict = field(default_factory=dict)  # sector -> t/yr generated

    @property
    def total(self) -> float:
        return float(self.links["tonnes"].sum())

    @property
    def categories(self) -> list:
        """Material categories on show, in the order of core.definitions (legend order)."""
        shown = set(self.links["category"])
        order = [c for c in MATERIAL_CATEGORIES if c in shown]
        return order + sorted(shown - set(order))


def category_colour(category: str) -> str:
    """The arrow colour of a material category in core.definitions (grey when unknown)."""
    found = MATERIAL_CATEGORIES.get(category)
    return found[1] if found else OTHER_CATEGORY_COLOUR


def flow_balance(
    enterprises: pd.DataFrame,
    flows: pd.DataFrame,
    exchanges: pd.DataFrame | None = None,
    node: str | None = None,
    materials: list | None = None,
    catalogue: pd.DataFrame | None = None,
) -> Sankey:
    """The Sankey of one industrial node (its suppliers), or of the region when node is None.

    Parameters
    ----------
    enterprises : DataFrame with ent_id, sector and optionally node.
    flows : DataFrame with flow_id, ent_id, direction, material, quantity, unit.
    exchanges : chosen exchanges (supply_ent, demand_ent, supply_flow, tonnage), or None.
    node : keep only suppliers of this industrial node (None: the whole region).
    materials : keep only supplies of these material codes (None: all).
    catalogue : the material catalogue (code index, ``category`` column); the shipped one
        when None.

    Returns
    -------
    Sankey
    """
    catalogue = load_materials() if catalogue is None else catalogue
    category_of = catalogue["category"].astype(str).to_dict()
    ents = enterprises.copy()
    ents["ent_id"] = ents["ent_id"].astype(str)
    sector = dict(zip(ents["ent_id"], ents["sector"].astype(str)))
    node_of = dict(zip(ents["ent_id"], ents["node"].astype(str))) if "node" in ents else {}
    fl = flows.copy()
    fl["ent_id"] = fl["ent_id"].astype(str)
    fl["quantity"] = pd.to_numeric(fl["quantity"], errors="coerce").fillna(0.0)
    supplies = fl[(fl["direction"].astype(str) == "supply") & (fl["unit"].astype(str) == "t/yr")]
    if node:
        supplies = supplies[supplies["ent_id"].map(node_of) == node]
    if materials is not None:
        supplies = supplies[supplies["material"].astype(str).isin(set(materials))]
    supplies = supplies.assign(
        source=supplies["ent_id"].map(sector).fillna(OTHER),
        category=supplies["material"].astype(str).map(category_of).fillna(OTHER),
    )
    generated = supplies.groupby(["source", "category"])["quantity"].sum()

    moved = pd.DataFrame(columns=LINK_COLUMNS)
    if exchanges is not None and len(exchanges):
        ex = exchanges.copy()
        for column in ("supply_ent", "demand_ent", "supply_flow"):
            ex[column] = ex[column].astype(str)
        category_of_flow = dict(zip(supplies["flow_id"].astype(str), supplies["category"]))
        ex = ex[ex["supply_flow"].isin(set(category_of_flow))]
        if "unit" in ex.columns:
            ex = ex[ex["unit"].astype(str) == "t/yr"]
        ex = ex.assign(
            source=ex["supply_ent"].map(sector).fillna(OTHER),
            target=ex["demand_ent"].map(sector).fillna(OTHER),
            category=ex["supply_flow"].map(category_of_flow),
            tonnes=pd.to_numeric(ex["tonnage"], errors="coerce").fillna(0.0),
        )
        moved = ex.groupby(["source", "target", "category"], as_index=False)["tonnes"].sum()
    used = (
        moved.groupby(["source", "category"])["tonnes"].sum()
        if len(moved)
        else pd.Series(dtype=float)
    )
    left = (generated - used.reindex(generated.index).fillna(0.0)).clip(lower=0.0)
    disposal = pd.DataFrame(
        {
            "source": left.index.get_level_values("source"),
            "target": DISPOSAL,
            "category": left.index.get_level_values("category"),
            "tonnes": left.values,
        }
    )
    links = pd.concat([moved[LINK_COLUMNS], disposal], ignore_index=True)
    links["tonnes"] = links["tonnes"].astype(float)
    links = links[links["tonnes"] > 0].reset_index(drop=True)
    by_sector = generated.groupby(level="source").sum()
    sources = list(by_sector.sort_values(ascending=False).index)
    into = links[links["target"] != DISPOSAL].groupby("target")["tonnes"].sum()
    targets = list(into.sort_values(ascending=False).index) + (
        [DISPOSAL] if (links["target"] == DISPOSAL).any() else []
    )
    return Sankey(sources, targets, links, {k: float(v) for k, v in by_sector.items()})


def layout_columns(values, height, gap):
    """(top, size) of stacked boxes for ``values`` in a column ``height`` tall."""
    total = float(sum(values)) or 1.0
    usable = max(height - gap * (len(values) - 1), 1.0)
    boxes, top = [], 0.0
    for value in values:
        size = usable * value / total
        boxes.append((top, size))
        top += size + gap
    return boxes
