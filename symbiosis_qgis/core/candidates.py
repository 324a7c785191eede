"""Partner candidates: for every supply flow, the demands within reach that a rule can serve.

A pair is a candidate when the supplier-consumer distance is at most the reach of some
transport mode allowed for the supplied material (or one radius for all): exact geodesic
distance on WGS 84 for lon/lat input, exact Euclidean distance for planar input in metres. No
buffer polygons are involved.

Reach per mode (``reach_by_mode``): the material's road_km, rail_km and water_km (empty: mode
not allowed) and, for its other modes (pipeline, heat main), its radius_km; a rule's
max_distance_km replaces them all, and a rule's own road_km / rail_km / water_km replace that
mode's. ``reach_mode`` of a candidate lists the modes whose reach covers its distance.
"""

import os
import re
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

import numpy as np
import pandas as pd
from scipy.spatial import cKDTree

from .catalogue import (
    MODE_COLUMNS,
    conversion_factor,
    load_materials,
    load_synergies,
    transport_modes,
)
from .geodesy import ecef, geodesic_m

LONLAT = "lonlat"
PLANAR = "planar"
TOLERANCE_M = 1e-3  # a pair "exactly at the radius" survives floating-point round-off
CHUNK = 20_000  # supplier points per KD-tree query: bounds memory, allows progress and cancel

CANDIDATE_COLUMNS = [
    "cand_id",
    "supply_ent",
    "demand_ent",
    "supply_flow",
    "demand_flow",
    "supply_mat",
    "demand_mat",
    "rule_id",
    "dist_km",
    "radius_km",
    "supply_qty",
    "supply_unit",
    "demand_qty",
    "potential",
    "unit",
    "supply_node",
    "demand_node",
    "reach_mode",
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
    return pd.DataFrame(
        {
            "ent_id": gdf["ent_id"].astype(str).to_numpy(),
            "node": gdf["node"].to_numpy() if "node" in gdf.columns else None,
            "x": x,
            "y": y,
        }
    )


def _pairs_within(xs, ys, xd, yd, radius_m, coords, is_canceled=None, workers=None):
    """Index pairs (i into supply points, j into demand points) and distances <= radius."""
    if coords == LONLAT:
        ps, pd_ = ecef(xs, ys), ecef(xd, yd)
    else:
        ps, pd_ = np.column_stack([xs, ys]), np.column_stack([xd, yd])
    tree_d = cKDTree(pd_)

    def chunk(start):  # the KD traversal and pyproj release the GIL: chunks on every core
        if is_canceled is not None and is_canceled():
            return None
        hits = cKDTree(ps[start : start + CHUNK]).sparse_distance_matrix(
            tree_d, radius_m + TOLERANCE_M, output_type="ndarray"
        )
        i, j, dist = hits["i"].astype(np.int64) + start, hits["j"].astype(np.int64), hits["v"]
        if coords == LONLAT:  # chords found the pairs; the geodesic decides
            dist = geodesic_m(xs[i], ys[i], xd[j], yd[j])
            keep = dist <= radius_m + TOLERANCE_M
            i, j, dist = i[keep], j[keep], dist[keep]
        # planar: the tree's distances are the exact Euclidean ones, all within the radius
        return i, j, dist

    with ThreadPoolExecutor(max_workers=workers or os.cpu_count() or 1) as pool:
        found = [hits for hits in pool.map(chunk, range(0, len(ps), CHUNK)) if hits is not None]
    if not found:
        return np.zeros(0, np.int64), np.zeros(0, np.int64), np.zeros(0)
    return tuple(np.concatenate(parts) for parts in zip(*found))


def _usable_flows(flows, ent_index, stats):
    """Flows that can take part, with ``ent_pos`` (row of their enterprise), reindexed 0..n-1."""
    flows = flows.copy()
    flows["flow_id"] = flows["flow_id"].astype(str)
    for column in ("direction", "material", "unit"):
        flows[column] = _stripped(flows[column])
    ent_ids = flows["ent_id"].astype(str)
    ent_pos = ent_index.index.get_indexer(ent_ids)
    loose = ent_pos < 0  # strip only ids that do not match as they are
    if loose.any():
        ent_ids[loose] = ent_ids[loose].str.strip()
        ent_pos[loose] = ent_index.index.get_indexer(ent_ids[loose])
    flows["ent_id"] = ent_ids
    flows["ent_pos"] = ent_pos  # row of the enterprise (ent_index is 0..n-1); -1 is dropped
    flows["quantity"] = pd.to_numeric(flows["quantity"], errors="coerce")
    known = ent_pos >= 0
    good_qty = (flows["quantity"] > 0).to_numpy()
    stats.flows_of_unknown_enterprises = int((~known).sum())
    stats.flows_with_bad_quantity = int((known & ~good_qty).sum())
    stats.skipped_flow_ids = flows.loc[~(known & good_qty), "flow_id"].tolist()
    flows = flows[known & good_qty & flows["direction"].isin(["supply", "demand"]).to_numpy()]
    return flows.reset_index(drop=True)


def _strip_ids(values):
    """str.strip, skipped when no value starts or ends with whitespace: one regex over the
    joined ids finds that out far faster than stripping 100k strings one by one."""
    values = values.astype(str)
    if re.search(r"\x00\s|\s\x00", "\x00" + "\x00".join(values) + "\x00") is None:
        return values
    return values.str.strip()


def _stripped(column):
    """str.strip on the distinct values only (few materials, units, directions)."""
    codes, uniques = pd.factorize(column.astype(str))
    return pd.Series(uniques.str.strip().to_numpy()[codes], index=column.index)


def _flow_rows_of_pairs(i, j, s_rows, s_inv, d_rows, d_inv):
    """Expand enterprise pairs (i, j into the unique ents) to all their flow-row pairs.

    Returns (supply rows, demand rows, the pair behind each; None when that is one to one)."""
    if len(s_rows) == s_inv.max(initial=-1) + 1 and len(d_rows) == d_inv.max(initial=-1) + 1:
        # one flow per enterprise (the usual case): invert the mapping, no join needed
        s_of = np.empty(len(s_rows), np.int64)
        s_of[s_inv] = s_rows
        d_of = np.empty(len(d_rows), np.int64)
        d_of[d_inv] = d_rows
        return s_of[i], d_of[j], None
    pairs = pd.DataFrame({"k": i, "l": j, "p": np.arange(len(i))})
    pairs = pairs.merge(pd.DataFrame({"k": s_inv, "s_row": s_rows}), on="k")
    pairs = pairs.merge(pd.DataFrame({"l": d_inv, "d_row": d_rows}), on="l")
    return (pairs["s_row"].to_numpy(), pairs["d_row"].to_numpy(), pairs["p"].to_numpy())


def _km(value):
    """A positive radius in km, else None (empty, zero or not a number)."""
    try:
        km = float(value)
    except (TypeError, ValueError):
        return None
    return km if km > 0 else None


def reach_by_mode(rule, materials, distance_m=None) -> dict:
    """{mode: reach in metres} of a rule's supply material, in the order road, rail, water,
    then the material's other modes.

    Parameters
    ----------
    rule : mapping
        A synergy rule (supply_material, max_distance_km, optional road_km/rail_km/water_km).
    materials : pandas.DataFrame
        The material catalogue indexed by code (``catalogue.load_materials``).
    distance_m : float, optional
        One reach for every allowed mode (the DISTANCE override).

    Returns
    -------
    dict
        Empty when nothing gives a reach. When the material allows no mode of its own (not in
        the catalogue, or a row without modes) the rule's radius is keyed by "".
    """
    code = rule["supply_material"]
    material = materials.loc[code] if code in materials.index else None
    modes = {}
    if material is not None:
        for mode, column in MODE_COLUMNS.items():
            km = _km(material.get(column))
            if km is not None:
                modes[mode] = km
        for mode in transport_modes(material.get("transport_modes")):
            if mode not in MODE_COLUMNS:  # pipeline, heat main: the material's one radius
                modes[mode] = _km(material.get("radius_km"))
    generic = _km(rule.get("max_distance_km"))
    if generic is not None:
        modes = dict.fromkeys(modes, generic)
    rule_modes = {m: _km(rule.get(c)) for m, c in MODE_COLUMNS.items() if _km(rule.get(c))}
    modes.update(rule_modes)
    if not modes and generic is not None:  # a material of no known mode: the rule's radius
        modes[""] = generic
    if distance_m is not None:
        return {mode: float(distance_m) for mode in (modes or {"": None})}
    ordered = [m for m in MODE_COLUMNS if m in modes] + [m for m in modes if m not in MODE_COLUMNS]
    return {mode: modes[mode] * 1000.0 for mode in ordered if modes[mode] is not None}


def _reach_labels(dist, reach, labels):
    """Per pair, the code (into ``labels``, extended as needed) of the modes covering it."""
    modes = list(reach)
    radii = np.array([reach[m] for m in modes])
    if (radii == radii.max()).all():  # one reach for every mode (the usual case): no mask
        return np.full(len(dist), _label_code(";".join(modes), labels), np.int16)
    mask = np.zeros(len(dist), np.uint8)
    for k, radius in enumerate(radii):
        if radius == radii.max():  # every kept pair is within the largest reach
            mask |= np.uint8(1 << k)
        else:
            mask |= (dist <= radius + TOLERANCE_M).astype(np.uint8) << np.uint8(k)
    lookup = np.zeros(1 << len(modes), np.int16)
    for value in np.flatnonzero(np.bincount(mask, minlength=len(lookup))):
        label = ";".join(m for k, m in enumerate(modes) if value >> k & 1)
        lookup[value] = _label_code(label, labels)
    return lookup[mask]


def _label_code(label, labels):
    if label not in labels:
        labels[label] = len(labels)
    return labels[label]


def _rule_unit(rule, key, materials):
    unit = rule.get(f"{key}_unit") if hasattr(rule, "get") else None
    if isinstance(unit, str) and unit:
        return unit
    material = rule[f"{key}_material"]
    return materials.at[material, "unit"] if material in materials.index else None


def _unit_factors(units, rule_unit, to_rule):
    """Conversion factor for each distinct unit (NaN when it does not convert)."""
    if not rule_unit:
        return np.ones(len(units))
    factors = [
        conversion_factor(u, rule_unit) if to_rule else conversion_factor(rule_unit, u)
        for u in units
    ]
    return np.array([np.nan if f is None else f for f in factors], dtype=float)


def find_candidates(
    enterprises,
    flows,
    rules=None,
    materials=None,
    *,
    coords=LONLAT,
    distance_m=None,
    allow_internal=False,
    categories=None,
    nodes=None,
    progress=None,
    is_canceled=None,
    workers=None,
):
    """Candidate exchanges as a DataFrame (CANDIDATE_COLUMNS) and a CandidateStats.

    enterprises: ent_id, x, y (lon/lat degrees for coords="lonlat", metres for "planar"),
    optional node; rows with missing x/y are skipped. flows: the data model's flow table.
    distance_m overrides every rule's radius. categories: keep supply materials of these
    catalogue categories; nodes: keep pairs with either end in these nodes. workers: threads
    for the KD-tree search (default: one per core).
    """
    stats = CandidateStats()
    materials = load_materials() if materials is None else materials
    rules = load_synergies(rules)
    ents = enterprises.copy()
    ents["ent_id"] = _strip_ids(ents["ent_id"])
    if "node" not in ents.columns:
        ents["node"] = None
    has_xy = ents["x"].notna() & ents["y"].notna()
    stats.enterprises_without_geometry = int((~has_xy).sum())
    ents = ents[has_xy].drop_duplicates("ent_id").reset_index(drop=True)
    ent_index = pd.Series(np.arange(len(ents)), index=ents["ent_id"])
    x, y = ents["x"].to_numpy(float), ents["y"].to_numpy(float)
    flows_ok = _usable_flows(flows, ent_index, stats)
    material = flows_ok["material"].to_numpy()
    is_supply = (flows_ok["direction"] == "supply").to_numpy()
    is_demand = (flows_ok["direction"] == "demand").to_numpy()
    if categories:
        allowed = list(materials.index[materials["category"].isin(categories)])
        is_supply &= np.isin(material, allowed)

    unit_code, units = pd.factorize(flows_ok["unit"])
    ent_of = flows_ok["ent_pos"].to_numpy()
    qty = flows_ok["quantity"].to_numpy(float)
    node_of_ent = ents["node"].to_numpy()
    parts = []
    radius_of_rule = np.full(len(rules), np.nan)
    reach_labels = {}  # "road;rail" -> code of the reach_mode column
    rules_list = list(rules.iterrows())
    for k, (_, rule) in enumerate(rules_list):
        if is_canceled is not None and is_canceled():
            stats.canceled = True
            break
        if progress is not None:
            progress(100.0 * k / max(len(rules_list), 1))
        s_rows = np.flatnonzero(is_supply & (material == rule["supply_material"]))
        d_rows = np.flatnonzero(is_demand & (material == rule["demand_material"]))
        reach = reach_by_mode(rule, materials, distance_m)
        if len(s_rows) == 0 or len(d_rows) == 0 or not reach:
            continue
        radius = max(reach.values())
        s_pos, s_inv = np.unique(ent_of[s_rows], return_inverse=True)
        d_pos, d_inv = np.unique(ent_of[d_rows], return_inverse=True)
        i, j, dist = _pairs_within(
            x[s_pos], y[s_pos], x[d_pos], y[d_pos], radius, coords, is_canceled, workers
        )
        s_row, d_row, p = _flow_rows_of_pairs(i, j, s_rows, s_inv, d_rows, d_inv)
        if p is not None:
            dist = dist[p]
        keep = np.ones(len(s_row), bool)
        if not allow_internal:
            keep &= ent_of[s_row] != ent_of[d_row]
        if nodes:
            keep &= np.isin(node_of_ent[ent_of[s_row]], nodes) | np.isin(
                node_of_ent[ent_of[d_row]], nodes
            )
        f_s = _unit_factors(units, _rule_unit(rule, "supply", materials), True)[unit_code[s_row]]
        f_d = _unit_factors(units, _rule_unit(rule, "demand", materials), False)[unit_code[d_row]]
        convertible = ~(np.isnan(f_s) | np.isnan(f_d))
        stats.pairs_with_unconvertible_units += int((keep & ~convertible).sum())
        keep &= convertible
        if not keep.any():
            continue
        stats.rules_used += 1
        if not keep.all():
            s_row, d_row, dist = s_row[keep], d_row[keep], dist[keep]
            f_s, f_d = f_s[keep], f_d[keep]
        offered = qty[s_row] * f_s * float(rule["substitution_ratio"]) * f_d
        parts.append(
            {
                "s_row": s_row,
                "d_row": d_row,
                "dist_m": dist,
                "potential": np.minimum(offered, qty[d_row]),
                "rule": np.full(len(s_row), k, np.uint16),
                "reach": _reach_labels(dist, reach, reach_labels),
            }
        )
        radius_of_rule[k] = radius
    if is_canceled is not None and is_canceled():
        stats.canceled = True
    if progress is not None:
        progress(100.0)
    result = _finish(parts, flows_ok, rules, radius_of_rule, node_of_ent, reach_labels)
    return result, stats


def _finish(parts, flows, rules, radius_of_rule, node_of_ent, reach_labels):
    if not parts:
        return pd.DataFrame(columns=CANDIDATE_COLUMNS)
    cols = {
        key: np.concatenate([part[key] for part in parts]) if len(parts) > 1 else parts[0][key]
        for key in parts[0]
    }
    # group by the supply flow's rank among supply flows: usually under 65536, one radix pass
    is_supply = np.zeros(len(flows), bool)
    is_supply[cols["s_row"]] = True
    supply_rank = np.cumsum(is_supply) - 1
    order = _nearest_first(supply_rank[cols["s_row"]], cols["dist_m"])
    # After the ordering the supply rows come in runs: supply-side columns are repeats of one
    # value per run, cheaper than a 2M-row gather each.
    s_sorted = cols["s_row"][order]
    starts = np.flatnonzero(np.r_[True, s_sorted[1:] != s_sorted[:-1]])
    s_run = s_sorted[starts]
    run_length = np.diff(np.r_[starts, len(s_sorted)])
    d_row = cols["d_row"][order]
    rule = cols["rule"][order]
    n = len(order)
    dtypes = {}

    def take(column, rows, runs=False):
        # Text as categoricals: building 2M-row object columns costs seconds, codes do not.
        values = flows[column]
        if values.dtype != object:
            picked = values.to_numpy()[rows]
            return np.repeat(picked, run_length) if runs else picked
        if column not in dtypes:  # one dtype per column: categories are checked once
            codes, uniques = pd.factorize(values)
            dtypes[column] = codes, pd.CategoricalDtype(uniques)
        codes, dtype = dtypes[column]
        picked = codes[rows]
        return pd.Categorical.from_codes(
            np.repeat(picked, run_length) if runs else picked, dtype=dtype
        )

    ent_s, ent_d = take("ent_pos", s_run, runs=True), take("ent_pos", d_row)
    columns = {
        "cand_id": np.arange(1, n + 1),
        "supply_ent": take("ent_id", s_run, runs=True),
        "demand_ent": take("ent_id", d_row),
        "supply_flow": take("flow_id", s_run, runs=True),
        "demand_flow": take("flow_id", d_row),
        "supply_mat": take("material", s_run, runs=True),
        "demand_mat": take("material", d_row),
        "rule_id": pd.Categorical.from_codes(rule, rules["rule_id"].astype(str)),
        "dist_km": cols["dist_m"][order] / 1000.0,
        "radius_km": radius_of_rule[rule] / 1000.0,
        "supply_qty": take("quantity", s_run, runs=True),
        "supply_unit": take("unit", s_run, runs=True),
        "demand_qty": take("quantity", d_row),
        "potential": cols["potential"][order],
        "unit": take("unit", d_row),
        "supply_node": _categorical(node_of_ent, ent_s),
        "demand_node": _categorical(node_of_ent, ent_d),
        "reach_mode": pd.Categorical.from_codes(cols["reach"][order], list(reach_labels)),
    }
    # copy=False: the columns are fresh arrays; pandas would otherwise copy the floats into one
    # block (80 MB at 2M candidates)
    return pd.DataFrame(columns, copy=False)


def _nearest_first(groups, dist):
    """Order grouping rows by supply flow, nearest partner first (to 1/65535 of the largest
    distance). Three 16-bit stable radix passes: several times faster than a lexsort."""
    scale = 65535.0 / max(float(dist.max(initial=0.0)), 1e-9)
    order = np.argsort(np.minimum(dist * scale, 65535).astype(np.uint16), kind="stable")
    keys = groups.astype(np.uint32)
    order = order[np.argsort((keys[order] & 0xFFFF).astype(np.uint16), kind="stable")]
    if keys.max(initial=0) < 1 << 16:  # the high pass would not move anything
        return order
    return order[np.argsort((keys[order] >> 16).astype(np.uint16), kind="stable")]


def _categorical(values, rows):
    codes, uniques = pd.factorize(pd.Series(values, dtype=object))
    return pd.Categorical.from_codes(codes[rows], uniques)
