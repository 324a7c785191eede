"""Partner candidates: for every supply flow, the demands within reach that a rule can serve.

A pair is a candidate when the supplier-consumer distance is at most the radius (the rule's
economic radius, or one radius for all): exact geodesic distance on WGS 84 for lon/lat input,
exact Euclidean distance for planar input in metres. No buffer polygons are involved.
"""
from dataclasses import dataclass, field

import numpy as np
import pandas as pd
from scipy.spatial import cKDTree

from .catalogue import conversion_factor, load_materials, load_synergies
from .geodesy import ecef, geodesic_m, planar_m

LONLAT = "lonlat"
PLANAR = "planar"
TOLERANCE_M = 1e-3  # a pair "exactly at the radius" survives floating-point round-off
CHUNK = 20_000  # supplier points per KD-tree query: bounds memory, allows progress and cancel

CANDIDATE_COLUMNS = [
    "cand_id", "supply_ent", "demand_ent", "supply_flow", "demand_flow", "supply_mat",
    "demand_mat", "rule_id", "dist_km", "radius_km", "supply_qty", "supply_unit",
    "demand_qty", "potential", "unit", "supply_node", "demand_node",
]


@dataclass
class CandidateStats:
    enterprises_without_geometry: int = 0
    flows_of_unknown_enterprises: int = 0
    flows_with_bad_quantity: int = 0
    pairs_with_unconvertible_units: int = 0
    rules_used: int = 0
    canceled: bool = False
    skipped_flow_ids: list = field(default_factory=list)


def enterprise_points(gdf, coords=LONLAT):
    """Enterprise table (ent_id, node, x, y) from a GeoDataFrame of points or polygons.

    Polygons use a point on their surface; lon/lat output is reprojected to WGS 84. Missing
    or empty geometries give NaN coordinates (find_candidates skips and counts them).
    """
    geoms = gdf.geometry
    usable = geoms.notna() & ~geoms.is_empty
    points = geoms.copy()
    areal = usable & (geoms.geom_type != "Point")
    points[areal] = geoms[areal].representative_point()
    if coords == LONLAT:
        points = points.to_crs(4326)
    x = np.full(len(gdf), np.nan)
    y = np.full(len(gdf), np.nan)
    mask = usable.to_numpy()
    x[mask] = points[usable].x.to_numpy()
    y[mask] = points[usable].y.to_numpy()
    return pd.DataFrame({"ent_id": gdf["ent_id"].astype(str).to_numpy(),
                         "node": gdf["node"].to_numpy() if "node" in gdf.columns else None,
                         "x": x, "y": y})


def _pairs_within(xs, ys, xd, yd, radius_m, coords, is_canceled=None):
    """Index pairs (i into supply points, j into demand points) and distances <= radius."""
    if coords == LONLAT:
        ps, pd_ = ecef(xs, ys), ecef(xd, yd)
    else:
        ps, pd_ = np.column_stack([xs, ys]), np.column_stack([xd, yd])
    tree_d = cKDTree(pd_)
    found_i, found_j = [], []
    for start in range(0, len(ps), CHUNK):
        if is_canceled is not None and is_canceled():
            break
        tree_s = cKDTree(ps[start:start + CHUNK])
        hits = tree_s.sparse_distance_matrix(tree_d, radius_m + TOLERANCE_M,
                                             output_type="ndarray")
        found_i.append(hits["i"].astype(np.int64) + start)
        found_j.append(hits["j"].astype(np.int64))
    i = np.concatenate(found_i) if found_i else np.zeros(0, np.int64)
    j = np.concatenate(found_j) if found_j else np.zeros(0, np.int64)
    dist = exact_distance(xs[i], ys[i], xd[j], yd[j], coords)
    keep = dist <= radius_m + TOLERANCE_M
    return i[keep], j[keep], dist[keep]


def exact_distance(x1, y1, x2, y2, coords):
    if coords == LONLAT:
        return geodesic_m(x1, y1, x2, y2)
    return planar_m(x1, y1, x2, y2)


def _usable_flows(flows, ent_index, stats):
    flows = flows.copy()
    flows["ent_id"] = flows["ent_id"].astype(str).str.strip()
    flows["direction"] = flows["direction"].astype(str).str.strip()
    flows["material"] = flows["material"].astype(str).str.strip()
    flows["unit"] = flows["unit"].astype(str).str.strip()
    flows["quantity"] = pd.to_numeric(flows["quantity"], errors="coerce")
    known = flows["ent_id"].isin(ent_index.index)
    good_qty = flows["quantity"] > 0
    stats.flows_of_unknown_enterprises = int((~known).sum())
    stats.flows_with_bad_quantity = int((known & ~good_qty).sum())
    stats.skipped_flow_ids = flows.loc[~(known & good_qty), "flow_id"].astype(str).tolist()
    flows = flows[known & good_qty & flows["direction"].isin(["supply", "demand"])]
    flows = flows.assign(ent_pos=ent_index.loc[flows["ent_id"]].to_numpy())
    return flows[flows["direction"] == "supply"], flows[flows["direction"] == "demand"]


def _radius_m(rule, materials, distance_m):
    if distance_m is not None:
        return float(distance_m)
    km = rule["max_distance_km"]
    if pd.isna(km) and rule["supply_material"] in materials.index:
        km = materials.at[rule["supply_material"], "radius_km"]
    return float(km) * 1000.0 if not pd.isna(km) else None


def _rule_unit(rule, key, materials):
    unit = rule.get(f"{key}_unit") if hasattr(rule, "get") else None
    if isinstance(unit, str) and unit:
        return unit
    material = rule[f"{key}_material"]
    return materials.at[material, "unit"] if material in materials.index else None


def _potential(pairs, rule, materials, stats):
    """What can move, in the demand's unit: min(supply x ratio, demand)."""
    rule_s_unit = _rule_unit(rule, "supply", materials)
    rule_d_unit = _rule_unit(rule, "demand", materials)
    f_s = pairs["supply_unit"].map(
        lambda u: conversion_factor(u, rule_s_unit) if rule_s_unit else 1.0)
    f_d = pairs["unit"].map(
        lambda u: conversion_factor(rule_d_unit, u) if rule_d_unit else 1.0)
    convertible = f_s.notna() & f_d.notna()
    stats.pairs_with_unconvertible_units += int((~convertible).sum())
    pairs = pairs[convertible].copy()
    offered = pairs["supply_qty"] * f_s[convertible].astype(float) \
        * float(rule["substitution_ratio"]) * f_d[convertible].astype(float)
    pairs["potential"] = np.minimum(offered, pairs["demand_qty"])
    return pairs


def find_candidates(enterprises, flows, rules=None, materials=None, *, coords=LONLAT,
                    distance_m=None, allow_internal=False, categories=None, nodes=None,
                    progress=None, is_canceled=None):
    """Candidate exchanges as a DataFrame (CANDIDATE_COLUMNS) and a CandidateStats.

    enterprises: ent_id, x, y (lon/lat degrees for coords="lonlat", metres for "planar"),
    optional node; rows with missing x/y are skipped. flows: the data model's flow table.
    distance_m overrides every rule's radius. categories: keep supply materials of these
    catalogue categories; nodes: keep pairs with either end in these nodes.
    """
    stats = CandidateStats()
    materials = load_materials() if materials is None else materials
    rules = load_synergies(rules)
    ents = enterprises.copy()
    ents["ent_id"] = ents["ent_id"].astype(str).str.strip()
    if "node" not in ents.columns:
        ents["node"] = None
    has_xy = ents["x"].notna() & ents["y"].notna()
    stats.enterprises_without_geometry = int((~has_xy).sum())
    ents = ents[has_xy].drop_duplicates("ent_id").reset_index(drop=True)
    ent_index = pd.Series(np.arange(len(ents)), index=ents["ent_id"])
    x, y = ents["x"].to_numpy(float), ents["y"].to_numpy(float)
    supplies, demands = _usable_flows(flows, ent_index, stats)
    if categories:
        allowed = set(materials.index[materials["category"].isin(categories)])
        supplies = supplies[supplies["material"].isin(allowed)]

    parts = []
    rules_list = list(rules.iterrows())
    for k, (_, rule) in enumerate(rules_list):
        if is_canceled is not None and is_canceled():
            stats.canceled = True
            break
        if progress is not None:
            progress(100.0 * k / max(len(rules_list), 1))
        s = supplies[supplies["material"] == rule["supply_material"]]
        d = demands[demands["material"] == rule["demand_material"]]
        radius = _radius_m(rule, materials, distance_m)
        if s.empty or d.empty or radius is None:
            continue
        s_pos = np.unique(s["ent_pos"].to_numpy())
        d_pos = np.unique(d["ent_pos"].to_numpy())
        i, j, dist = _pairs_within(x[s_pos], y[s_pos], x[d_pos], y[d_pos], radius, coords,
                                   is_canceled)
        if len(i) == 0:
            continue
        stats.rules_used += 1
        ent_pairs = pd.DataFrame({"s_pos": s_pos[i], "d_pos": d_pos[j], "dist_m": dist})
        pairs = ent_pairs.merge(
            s[["ent_pos", "flow_id", "ent_id", "material", "quantity", "unit"]].rename(
                columns={"ent_pos": "s_pos", "flow_id": "supply_flow", "ent_id": "supply_ent",
                         "material": "supply_mat", "quantity": "supply_qty",
                         "unit": "supply_unit"}), on="s_pos")
        pairs = pairs.merge(
            d[["ent_pos", "flow_id", "ent_id", "material", "quantity", "unit"]].rename(
                columns={"ent_pos": "d_pos", "flow_id": "demand_flow", "ent_id": "demand_ent",
                         "material": "demand_mat", "quantity": "demand_qty"}), on="d_pos")
        if not allow_internal:
            pairs = pairs[pairs["supply_ent"] != pairs["demand_ent"]]
        pairs = pairs.assign(supply_node=ents["node"].to_numpy()[pairs["s_pos"]],
                             demand_node=ents["node"].to_numpy()[pairs["d_pos"]])
        if nodes:
            pairs = pairs[pairs["supply_node"].isin(nodes) | pairs["demand_node"].isin(nodes)]
        pairs = _potential(pairs, rule, materials, stats)
        pairs["rule_id"] = rule["rule_id"]
        pairs["radius_km"] = radius / 1000.0
        parts.append(pairs)
    if is_canceled is not None and is_canceled():
        stats.canceled = True
    if progress is not None:
        progress(100.0)
    return _finish(parts), stats


def _finish(parts):
    if not parts:
        return pd.DataFrame(columns=CANDIDATE_COLUMNS)
    out = pd.concat(parts, ignore_index=True)
    out["dist_km"] = out["dist_m"] / 1000.0
    out = out.sort_values(["supply_flow", "dist_km", "demand_flow", "rule_id"],
                          kind="stable").reset_index(drop=True)
    out["cand_id"] = np.arange(1, len(out) + 1)
    for column in ("supply_flow", "demand_flow", "supply_ent", "demand_ent"):
        out[column] = out[column].astype(str)
    return out[CANDIDATE_COLUMNS]
