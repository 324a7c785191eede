"""What the chosen exchanges bring, per enterprise, per industrial node and for the region.

Money is attributed as the exchange creates it: the supplier keeps the avoided disposal less
the pre-processing it pays for; the consumer keeps the avoided purchase less the transport it
pays for. Tonnes and tonne-km count flows measured in t/yr only (heat, gas and water are
reported in their own units in the material balance).
"""

from dataclasses import dataclass

import networkx as nx
import numpy as np
import pandas as pd

from .inputs import normalise_ids

# what is measured for every enterprise, node and the region
MEASURES = [
    "diverted_t",
    "replaced_t",
    "transport_tkm",
    "co2_avoided_t",
    "transport_co2_t",
    "net_co2_t",
    "net_money_rub",
]
ENTERPRISE_COLUMNS = ["ent_id", "name", "node", "sector", *MEASURES]
ENTERPRISE_COLUMNS += ["exchanges", "cluster", "anchor_rank"]
NODE_COLUMNS = ["node", "enterprises", "exchanges", *MEASURES]
BALANCE_COLUMNS = ["node", "material", "unit", "generated", "exchanged", "left_for_disposal"]
SUMMED = [
    "diverted_t",
    "replaced_t",
    "transport_tkm",
    "co2_avoided_t",
    "transport_co2_t",
    "net_co2_t",
    "net_money_rub",
]


@dataclass
class Assessment:
    enterprises: pd.DataFrame
    nodes: pd.DataFrame
    balance: pd.DataFrame
    region: dict
    clusters: list  # lists of ent_id, largest first
    loops: list  # closed loops of enterprises (directed cycles)
    anchors: pd.DataFrame


def _num(frame, column):
    if column not in frame.columns:
        return pd.Series(0.0, index=frame.index)
    return pd.to_numeric(frame[column], errors="coerce").fillna(0.0)


def symbiosis_graph(exchanges):
    """Directed multigraph supplier -> consumer, one edge per exchange."""
    graph = nx.MultiDiGraph()
    for row in exchanges.itertuples(index=False):
        graph.add_edge(
            str(row.supply_ent),
            str(row.demand_ent),
            material=getattr(row, "supply_mat", ""),
            tonnage=float(getattr(row, "tonnage", 0.0) or 0.0),
        )
    return graph


def anchor_tenants(graph):
    """Enterprises ranked by how many exchanges their removal would break."""
    if graph.number_of_nodes() == 0:
        return pd.DataFrame(columns=["ent_id", "exchanges_broken", "anchor_rank"])
    broken = pd.Series({n: graph.degree(n) for n in graph.nodes}, name="exchanges_broken")
    ranked = broken.sort_values(ascending=False, kind="stable").rename_axis("ent_id").reset_index()
    ranked["anchor_rank"] = np.arange(1, len(ranked) + 1)
    return ranked


def closed_loops(graph, limit=50):
    """Up to ``limit`` directed cycles of enterprises (A -> B -> ... -> A)."""
    simple = nx.DiGraph(graph)
    loops = []
    for cycle in nx.simple_cycles(simple):
        loops.append(cycle)
        if len(loops) >= limit:
            break
    return loops


def assess(exchanges, enterprises, flows):
    """Tables and graph findings for the chosen exchanges (the optimisation's output)."""
    ex = normalise_ids(exchanges, ("supply_ent", "demand_ent"))
    in_t = ex.get("unit", pd.Series("t/yr", index=ex.index)).astype(str).eq("t/yr")
    delivered_t = ex.get("demand_unit", pd.Series("t/yr", index=ex.index)).astype(str).eq("t/yr")
    tonnage, delivered = _num(ex, "tonnage"), _num(ex, "delivered")
    km = _num(ex, "net_km").where(_num(ex, "net_km") > 0, _num(ex, "dist_km"))
    supplier = pd.DataFrame(
        {
            "ent_id": ex["supply_ent"],
            "diverted_t": tonnage.where(in_t, 0.0),
            "replaced_t": 0.0,
            "transport_tkm": 0.0,
            "co2_avoided_t": _num(ex, "co2_avoided"),
            "transport_co2_t": 0.0,
            "net_money_rub": _num(ex, "avoided_disposal") - _num(ex, "processing_cost"),
        }
    )
    consumer = pd.DataFrame(
        {
            "ent_id": ex["demand_ent"],
            "diverted_t": 0.0,
            "replaced_t": delivered.where(delivered_t, 0.0),
            "transport_tkm": (tonnage * km).where(in_t, 0.0),
            "co2_avoided_t": 0.0,
            "transport_co2_t": _num(ex, "transport_co2"),
            "net_money_rub": _num(ex, "avoided_purchase") - _num(ex, "transport_cost"),
        }
    )
    per_ent = pd.concat([supplier, consumer]).groupby("ent_id").sum()
    per_ent["net_co2_t"] = per_ent["co2_avoided_t"] - per_ent["transport_co2_t"]

    graph = symbiosis_graph(ex)
    clusters = sorted(
        (sorted(c) for c in nx.weakly_connected_components(graph)), key=len, reverse=True
    )
    cluster_of = {e: k + 1 for k, members in enumerate(clusters) for e in members}
    anchors = anchor_tenants(graph)

    ents = normalise_ids(enterprises, ("ent_id",))
    for column in ("name", "node", "sector"):
        if column not in ents.columns:
            ents[column] = ""
    table = (
        ents[["ent_id", "name", "node", "sector"]]
        .drop_duplicates("ent_id")
        .merge(per_ent, left_on="ent_id", right_index=True, how="inner")
    )
    table["exchanges"] = table["ent_id"].map(lambda e: graph.degree(e) if e in graph else 0)
    table["cluster"] = table["ent_id"].map(cluster_of).fillna(0).astype(int)
    table = table.merge(anchors[["ent_id", "anchor_rank"]], on="ent_id", how="left")
    table = table.sort_values("net_money_rub", ascending=False).reset_index(drop=True)
    table = table[ENTERPRISE_COLUMNS]

    nodes = table.groupby("node", dropna=False)[SUMMED].sum()
    nodes["enterprises"] = table.groupby("node", dropna=False).size()
    # an exchange counts in its supplier's node and in its consumer's (once when both are in
    # one node): counting suppliers only gave a node that only receives 0 exchanges beside
    # the money it makes from them
    node_of = dict(zip(ents["ent_id"], ents["node"]))
    supply_node, demand_node = ex["supply_ent"].map(node_of), ex["demand_ent"].map(node_of)
    touched = pd.concat([supply_node, demand_node.where(demand_node != supply_node)]).dropna()
    nodes["exchanges"] = touched.value_counts().reindex(nodes.index).fillna(0).astype(int)
    nodes = nodes.reset_index()[NODE_COLUMNS]

    region = {key: float(table[key].sum()) for key in SUMMED}
    region.update(
        {"exchanges": int(len(ex)), "enterprises": int(len(table)), "clusters": len(clusters)}
    )
    return Assessment(
        table,
        nodes,
        material_balance(ex, ents, flows),
        region,
        clusters,
        closed_loops(graph),
        anchors,
    )


def material_balance(exchanges, enterprises, flows):
    """Per node and supply material: generated, exchanged, left for disposal."""
    fl = normalise_ids(flows, ("ent_id",))
    fl["quantity"] = pd.to_numeric(fl["quantity"], errors="coerce").fillna(0.0)
    ents = normalise_ids(enterprises, ("ent_id",))
    node_of = dict(zip(ents["ent_id"], ents["node"]))
    supplies = fl[fl["direction"].astype(str) == "supply"].copy()
    supplies["node"] = supplies["ent_id"].map(node_of)
    generated = supplies.groupby(["node", "material", "unit"])["quantity"].sum()
    moved = pd.Series(0.0, index=generated.index)
    if len(exchanges):
        ex = normalise_ids(exchanges, ("supply_ent",))
        ex["node"] = ex["supply_ent"].map(node_of)
        ex["unit"] = ex["unit"].astype(str) if "unit" in ex else "t/yr"
        moved = ex.groupby(["node", "supply_mat", "unit"])["tonnage"].sum()
        moved.index = moved.index.set_names(["node", "material", "unit"])
    balance = pd.DataFrame({"generated": generated})
    balance["exchanged"] = moved.reindex(balance.index).fillna(0.0)
    balance["left_for_disposal"] = (balance["generated"] - balance["exchanged"]).clip(lower=0)
    return balance.reset_index()[BALANCE_COLUMNS]
