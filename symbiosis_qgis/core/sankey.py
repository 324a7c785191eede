"""Flow balance as a Sankey diagram: generating sectors -> using sectors or disposal.

Counts supplies in t/yr (the only unit that adds up across materials). Each generating
sector's band splits into what the chosen exchanges take to each using sector and what is
left for disposal, so a sector's outgoing total equals what it generates.
"""

from dataclasses import dataclass, field

import pandas as pd

DISPOSAL = "disposal"


@dataclass
class Sankey:
    sources: list  # generating sectors, largest first
    targets: list  # using sectors, largest first, then DISPOSAL
    links: pd.DataFrame  # source, target, tonnes
    generated: dict = field(default_factory=dict)  # sector -> t/yr generated

    @property
    def total(self):
        return float(self.links["tonnes"].sum())


def flow_balance(enterprises, flows, exchanges=None, node=None, materials=None):
    """The Sankey of one industrial node (its suppliers), or of the region when node is None.

    materials: keep only supplies of these materials (None: all).
    """
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
    supplies = supplies.assign(source=supplies["ent_id"].map(sector).fillna("other"))
    generated = supplies.groupby("source")["quantity"].sum()

    moved = pd.DataFrame(columns=["source", "target", "tonnes"])
    if exchanges is not None and len(exchanges):
        ex = exchanges.copy()
        for column in ("supply_ent", "demand_ent", "supply_flow"):
            ex[column] = ex[column].astype(str)
        ex = ex[ex["supply_flow"].isin(set(supplies["flow_id"].astype(str)))]
        if "unit" in ex.columns:
            ex = ex[ex["unit"].astype(str) == "t/yr"]
        ex = ex.assign(
            source=ex["supply_ent"].map(sector).fillna("other"),
            target=ex["demand_ent"].map(sector).fillna("other"),
            tonnes=pd.to_numeric(ex["tonnage"], errors="coerce").fillna(0.0),
        )
        moved = ex.groupby(["source", "target"], as_index=False)["tonnes"].sum()
    used = moved.groupby("source")["tonnes"].sum() if len(moved) else pd.Series(dtype=float)
    left = (generated - used.reindex(generated.index).fillna(0.0)).clip(lower=0.0)
    disposal = pd.DataFrame({"source": left.index, "target": DISPOSAL, "tonnes": left.values})
    links = pd.concat([moved, disposal], ignore_index=True)
    links = links[links["tonnes"] > 0].reset_index(drop=True)
    sources = list(generated.sort_values(ascending=False).index)
    into = links[links["target"] != DISPOSAL].groupby("target")["tonnes"].sum()
    targets = list(into.sort_values(ascending=False).index) + (
        [DISPOSAL] if (links["target"] == DISPOSAL).any() else []
    )
    return Sankey(sources, targets, links, {k: float(v) for k, v in generated.items()})


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
