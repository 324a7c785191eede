"""Road and rail network: graph built once from coordinate arrays, cheapest routes by cost.

Nodes are line vertices (lines meet where they share a vertex; an optional tolerance merges
vertices closer than it). Road and rail vertices are separate nodes: goods change mode only at
terminals, through a transfer edge that costs the handling charge. Edge weights are RUB per
tonne (length x tariff); routes are found by bounded searches (core.shortest_paths: a
compiled A* toward each origin's destinations when numba is installed, scipy.sparse.csgraph's
Dijkstra in forked processes otherwise), bounded by the cost that MAX_DISTANCE can reach.
Nodes are numbered along a Z-order curve so that a search's neighbours sit close in memory.
Enterprises attach to their nearest road vertex (lines are densified first, so that vertex is
never far from the nearest point of the line); the access leg is costed as road.
"""

from dataclasses import dataclass

import numpy as np
import pandas as pd
from scipy.sparse import coo_matrix
from scipy.sparse.csgraph import connected_components
from scipy.spatial import cKDTree

from .geodesy import ecef, geodesic_m
from .inputs import normalise_ids
from .shortest_paths import ShortestPaths
from .text import QT_TRANSLATE_NOOP

ROAD, RAIL = 0, 1
MIN_WEIGHT = 1e-9  # csgraph needs positive weights on zero-length edges

REASONS = {
    "too_far": QT_TRANSLATE_NOOP("@default", "too far from the network"),
    "disconnected": QT_TRANSLATE_NOOP("@default", "disconnected part of the network"),
    "beyond_max": QT_TRANSLATE_NOOP("@default", "beyond MAX_DISTANCE"),
    "no_location": QT_TRANSLATE_NOOP("@default", "enterprise unknown or without location"),
    "canceled": QT_TRANSLATE_NOOP("@default", "canceled before it was routed"),
    "not_routed": QT_TRANSLATE_NOOP(
        "@default", "moves by pipeline or heat main: not routed over roads or rail"
    ),
    "estimated": QT_TRANSLATE_NOOP(
        "@default", "no road layer: straight distance x detour factor, not routed"
    ),
}
LINK_COLUMNS = [
    "cand_id",
    "supply_ent",
    "demand_ent",
    "mode",
    "net_km",
    "road_km",
    "rail_km",
    "transfers",
    "cost_t",
    "cost_total",
    "detour",
    "reachable",
    "reason",
]

# OSM highway tag -> multiplier of the road tariff (bad roads cost more per t-km).
OSM_HIGHWAY_FACTORS = {
    "motorway": 0.9,
    "motorway_link": 0.9,
    "trunk": 0.9,
    "trunk_link": 0.9,
    "primary": 1.0,
    "primary_link": 1.0,
    "secondary": 1.1,
    "secondary_link": 1.1,
    "tertiary": 1.2,
    "tertiary_link": 1.2,
    "unclassified": 1.3,
    "residential": 1.3,
    "service": 1.4,
    "living_street": 1.5,
    "track": 1.8,
    "road": 1.3,
}
OSM_RAILWAYS = {"rail", "light_rail", "narrow_gauge", "industrial"}


class CanceledError(Exception):
    """The user canceled while the graph was being built."""


@dataclass
class Network:
    lon: np.ndarray  # node longitudes
    lat: np.ndarray  # node latitudes
    mode: np.ndarray  # ROAD or RAIL per node
    graph: object  # CSR matrix of RUB/t weights, both directions of every edge
    component: np.ndarray  # connected component of each node
    road_nodes: np.ndarray  # ids of road nodes
    road_tree: cKDTree  # KD tree on the ECEF coordinates of road nodes
    edges: int
    terminals_linked: int

    @property
    def nodes(self):
        return len(self.lon)


@dataclass
class Lines:
    """Lines already in flat arrays: every vertex (V, 2) lon/lat, vertices per line (L,)."""

    coords: np.ndarray
    sizes: np.ndarray


def _usable(lines):
    """Which lines have two or more vertices."""
    if isinstance(lines, Lines):
        return np.asarray(lines.sizes) >= 2
    return np.array([len(line) >= 2 for line in lines], dtype=bool)


def flatten(lines):
    """(vertices (V, 2), vertices per line (L,)) of the lines with two or more vertices.

    lines: a sequence of (n, 2) arrays, or a Lines (taken as is, without copies).
    """
    if isinstance(lines, Lines):
        coords = np.asarray(lines.coords, float).reshape(-1, 2)
        sizes = np.asarray(lines.sizes, np.int64)
        if (sizes >= 2).all():
            return coords, sizes
        return coords[np.repeat(sizes >= 2, sizes)], sizes[sizes >= 2]
    lines = [np.asarray(line, float).reshape(-1, 2) for line in lines]
    lines = [line for line in lines if len(line) >= 2]
    if not lines:
        return np.zeros((0, 2)), np.zeros(0, np.int64)
    return np.concatenate(lines), np.array([len(line) for line in lines], dtype=np.int64)


def _segment_starts(sizes):
    """Index of the first vertex of every segment (every vertex but each line's last)."""
    is_last = np.zeros(int(sizes.sum()), bool)
    is_last[np.cumsum(sizes) - 1] = True
    return np.flatnonzero(~is_last)


def densify(coords, sizes, max_segment_m):
    """Insert vertices so that no segment is longer than ``max_segment_m`` (vectorised)."""
    return _densified(coords, sizes, max_segment_m)[:2]


def _segment_lengths(coords, seg):
    return geodesic_m(coords[seg, 0], coords[seg, 1], coords[seg + 1, 0], coords[seg + 1, 1])


def _densified(coords, sizes, max_segment_m):
    """densify, plus the geodesic length of every segment of the result (each computed once:
    the build needs them for the edge weights too)."""
    seg = _segment_starts(sizes)
    length = _segment_lengths(coords, seg)
    if not max_segment_m or len(coords) == 0:
        return coords, sizes, length
    pieces = np.maximum(np.ceil(length / max_segment_m).astype(np.int64), 1)
    if (pieces == 1).all():
        return coords, sizes, length
    line_of_seg = np.repeat(np.arange(len(sizes)), sizes - 1)
    new_sizes = np.bincount(line_of_seg, weights=pieces, minlength=len(sizes)).astype(np.int64) + 1
    rep = np.repeat(seg, pieces)
    offset = np.arange(len(rep)) - np.repeat(np.cumsum(pieces) - pieces, pieces)
    t = (offset / np.repeat(pieces, pieces))[:, None]
    out = np.empty((int(new_sizes.sum()), 2))
    last = np.cumsum(new_sizes) - 1
    inner = np.ones(len(out), bool)
    inner[last] = False
    out[inner] = coords[rep] + (coords[rep + 1] - coords[rep]) * t
    out[last] = coords[np.cumsum(sizes) - 1]
    # segments left whole keep their length; the pieces of split ones are measured
    new_length = np.repeat(length, pieces)
    split = np.repeat(pieces > 1, pieces)
    new_length[split] = _segment_lengths(out, _segment_starts(new_sizes)[split])
    return out, new_sizes, new_length


def _vertex_nodes(coords, merge_tolerance_m):
    """Node coordinates and the node id of every vertex; equal coordinates give one node."""
    if len(coords) == 0:
        return np.zeros((0, 2)), np.zeros(0, np.int64)
    keys = np.round(coords * 1e9).astype(np.int64)  # 1e-9 deg: 0.1 mm
    inverse, first = _first_appearance(keys)
    uniq = coords[first]
    if merge_tolerance_m and len(uniq) > 1:
        pairs = cKDTree(ecef(uniq[:, 0], uniq[:, 1])).query_pairs(
            merge_tolerance_m, output_type="ndarray"
        )
        if len(pairs):
            link = coo_matrix(
                (np.ones(len(pairs)), (pairs[:, 0], pairs[:, 1])), shape=(len(uniq), len(uniq))
            )
            _, label = connected_components(link, directed=False)
            keep = pd.Series(np.arange(len(uniq))).groupby(label).first().to_numpy()
            uniq = uniq[keep]
            inverse = label[inverse]
    return uniq, inverse


def _first_appearance(keys):
    """Group number of each row of ``keys`` (n, 2) ints, groups numbered in order of first
    appearance, and the first row of each group. Rows are hashed to one int64 to group them;
    a collision (two different rows, one hash), checked for, falls back to pandas' groupby."""
    mixed = keys[:, 0] * np.int64(-7046029254386353131) ^ keys[:, 1]  # wraps, as meant
    inverse = pd.factorize(mixed)[0]
    first = np.full(inverse.max() + 1, -1)
    first[inverse[::-1]] = np.arange(len(inverse))[::-1]
    if not (keys[first[inverse]] == keys).all():  # a hash collision
        frame = pd.DataFrame(keys, columns=["x", "y"])
        inverse = frame.groupby(["x", "y"], sort=False).ngroup().to_numpy()
        first = np.full(inverse.max() + 1, -1)
        first[inverse[::-1]] = np.arange(len(inverse))[::-1]
    return inverse, first


def _line_edges(sizes, length, node_of_vertex, rates):
    """(u, v, RUB/t) for consecutive vertices of each line (``length``: of each segment, m)."""
    if len(length) == 0:
        return np.zeros(0, np.int64), np.zeros(0, np.int64), np.zeros(0)
    seg = _segment_starts(sizes)
    u, v = node_of_vertex[seg], node_of_vertex[seg + 1]
    rate = np.repeat(np.asarray(rates, float), sizes - 1)
    keep = u != v
    return u[keep], v[keep], np.maximum(length[keep] / 1000.0 * rate[keep], MIN_WEIGHT)


def build_network(
    road_lines,
    road_rates,
    rail_lines=(),
    rail_rate=1.5,
    terminals=None,
    handling_cost=150.0,
    merge_tolerance_m=0.0,
    terminal_tolerance_m=2000.0,
    densify_m=250.0,
    is_canceled=None,
):
    """Graph of road and rail lines (lists of (n, 2) lon/lat arrays, or Lines) and terminals
    ((k, 2)).

    road_rates: RUB per t-km for each road line; rail_rate: RUB per t-km on rail.
    Raises CanceledError when ``is_canceled()`` turns true between two steps.
    """

    def stop_if_canceled():  # between steps of about a second on a million segments
        if is_canceled is not None and is_canceled():
            raise CanceledError

    road_rates = np.asarray(road_rates, float)
    usable = _usable(road_lines)
    road_xy_all, road_sizes, road_length = _densified(*flatten(road_lines), densify_m)
    rail_xy_all, rail_sizes, rail_length = _densified(*flatten(rail_lines), densify_m)
    stop_if_canceled()
    road_xy, road_vertex_node = _vertex_nodes(road_xy_all, merge_tolerance_m)
    rail_xy, rail_vertex_node = _vertex_nodes(rail_xy_all, merge_tolerance_m)
    stop_if_canceled()
    n_road = len(road_xy)
    u1, v1, w1 = _line_edges(
        road_sizes,
        road_length,
        road_vertex_node,
        road_rates[usable] if len(road_rates) else road_rates,
    )
    u2, v2, w2 = _line_edges(
        rail_sizes, rail_length, rail_vertex_node + n_road, np.full(len(rail_sizes), rail_rate)
    )
    lon = np.concatenate([road_xy[:, 0], rail_xy[:, 0]])
    lat = np.concatenate([road_xy[:, 1], rail_xy[:, 1]])
    mode = np.concatenate([np.full(n_road, ROAD), np.full(len(rail_xy), RAIL)]).astype(np.int8)
    road_tree = cKDTree(ecef(road_xy[:, 0], road_xy[:, 1])) if n_road else None
    stop_if_canceled()
    u3, v3, linked = _terminal_edges(terminals, road_tree, rail_xy, n_road, terminal_tolerance_m)
    u = np.concatenate([u1, u2, u3])
    v = np.concatenate([v1, v2, v3])
    w = np.concatenate([w1, w2, np.full(len(u3), max(handling_cost, MIN_WEIGHT))])
    rank = _z_order_rank(lon, lat)  # new id of every node
    new_lon, new_lat, new_mode = (np.empty_like(a) for a in (lon, lat, mode))
    new_lon[rank], new_lat[rank], new_mode[rank] = lon, lat, mode
    graph = _symmetric_csr(rank[u], rank[v], w, len(lon))
    stop_if_canceled()
    _, component = connected_components(graph, directed=False)
    return Network(
        lon=new_lon,
        lat=new_lat,
        mode=new_mode,
        graph=graph,
        component=component,
        road_nodes=rank[:n_road],
        road_tree=road_tree,
        edges=len(u),
        terminals_linked=linked,
    )


def _z_order_rank(lon, lat):
    """Rank of every point along a Z-order (Morton) curve over the bounding box."""
    if len(lon) == 0:
        return np.zeros(0, np.int64)

    def cells(values):
        span = max(float(np.ptp(values)), 1e-12)
        return ((values - values.min()) / span * 65535).astype(np.uint64)

    def spread(bits):  # 16 bits -> every other of 32
        for shift, mask in ((8, 0x00FF00FF), (4, 0x0F0F0F0F), (2, 0x33333333), (1, 0x55555555)):
            bits = (bits | (bits << np.uint64(shift))) & np.uint64(mask)
        return bits

    order = np.argsort(spread(cells(lon)) | (spread(cells(lat)) << np.uint64(1)), kind="stable")
    rank = np.empty(len(order), np.int64)
    rank[order] = np.arange(len(order))
    return rank


def _terminal_edges(terminals, road_tree, rail_xy, n_road, tolerance_m):
    """Transfer edges between each terminal's nearest road node and nearest rail node."""
    if terminals is None or len(terminals) == 0 or road_tree is None or len(rail_xy) == 0:
        return np.zeros(0, np.int64), np.zeros(0, np.int64), 0
    terminals = np.asarray(terminals, float)
    xyz = ecef(terminals[:, 0], terminals[:, 1])
    d_road, road_node = road_tree.query(xyz)
    d_rail, rail_node = cKDTree(ecef(rail_xy[:, 0], rail_xy[:, 1])).query(xyz)
    ok = (d_road <= tolerance_m) & (d_rail <= tolerance_m)
    return road_node[ok].astype(np.int64), rail_node[ok].astype(np.int64) + n_road, int(ok.sum())


def _symmetric_csr(u, v, w, n):
    """CSR with both directions of each node pair, keeping the cheapest of parallel edges
    (csr would sum them). Searches then run directed, which is faster than csgraph's
    undirected mode and is what the compiled engine reads."""
    a, b = np.minimum(u, v), np.maximum(u, v)
    pair = a * np.int64(n) + b  # one sort key per node pair
    order = np.argsort(pair, kind="stable")
    pair, w = pair[order], w[order]
    starts = np.flatnonzero(np.r_[True, pair[1:] != pair[:-1]])
    a, b = a[order[starts]], b[order[starts]]
    w = np.minimum.reduceat(w, starts) if len(w) else w
    return coo_matrix(
        (np.concatenate([w, w]), (np.concatenate([a, b]), np.concatenate([b, a]))), shape=(n, n)
    ).tocsr()


def snap(network, lon, lat):
    """Nearest road node of each point and the geodesic distance to it in metres."""
    lon, lat = np.asarray(lon, float), np.asarray(lat, float)
    if network.road_tree is None or len(lon) == 0:
        return np.full(len(lon), -1), np.full(len(lon), np.inf)
    _, idx = network.road_tree.query(ecef(lon, lat))
    node = network.road_nodes[idx]
    return node, geodesic_m(lon, lat, network.lon[node], network.lat[node])


def network_costs(
    network,
    origins,
    destinations,
    limit=np.inf,
    progress=None,
    is_canceled=None,
    engine=None,
    workers=None,
):
    """Cheapest cost (RUB/t) from each origin node to each destination node: (o, d) array.

    The OD matrix of the benchmark; bounded by ``limit``; no paths kept.
    """
    return ShortestPaths(network.graph, engine).costs(
        origins,
        destinations,
        limit=limit,
        workers=workers,
        progress=progress,
        is_canceled=is_canceled,
    )


def route_pairs(
    network,
    o_lon,
    o_lat,
    d_lon,
    d_lat,
    *,
    road_rate,
    max_km,
    snap_tolerance_m,
    max_rate,
    handling_cost,
    progress=None,
    is_canceled=None,
    engine=None,
):
    """Cheapest route for each (origin point, destination point) pair.

    Returns a DataFrame (one row per pair: reachable, reason code (see REASONS), cost_t,
    net_km, road_km, rail_km, access_km, transfers, mode, straight_km) and a list of paths
    (lon/lat arrays; None when unreachable). Access legs between a point and its road node
    count as road and are costed at ``road_rate``.
    """
    o_lon, o_lat, d_lon, d_lat = (np.asarray(a, float) for a in (o_lon, o_lat, d_lon, d_lat))
    n = len(o_lon)
    o_node, o_gap = snap(network, o_lon, o_lat)
    d_node, d_gap = snap(network, d_lon, d_lat)
    reason = np.full(n, "", dtype=object)
    values = np.full((n, 5), np.nan)  # cost_t, net_km, road_km, rail_km, access_km
    transfers = np.zeros(n, np.int64)
    paths = [None] * n
    too_far = (o_gap > snap_tolerance_m) | (d_gap > snap_tolerance_m)
    reason[too_far] = "too_far"
    split = ~too_far & (
        network.component[np.maximum(o_node, 0)] != network.component[np.maximum(d_node, 0)]
    )
    reason[split] = "disconnected"
    todo = np.flatnonzero(~too_far & ~split)
    # the most a route within max_km can cost: every km at the dearest rate, and two
    # transfers when terminals join road and rail
    transfer_cost = 2 * handling_cost if network.terminals_linked else 0.0
    limit = max_km * max_rate + transfer_cost + 1.0
    by_origin = np.argsort(o_node[todo], kind="stable")
    origins, first = np.unique(o_node[todo][by_origin], return_index=True)
    pairs_of = np.split(todo[by_origin], first[1:]) if len(todo) else []
    targets = [d_node[pairs] for pairs in pairs_of]
    # scipy's first bound per origin: its farthest destination at 1.5x the straight line
    a, b = o_node[todo][by_origin], d_node[todo][by_origin]
    pair_km = geodesic_m(network.lon[a], network.lat[a], network.lon[b], network.lat[b]) / 1e3
    far_km = np.maximum.reduceat(pair_km, first) if len(todo) else np.zeros(0)
    first_limits = 1.5 * far_km * road_rate + transfer_cost + 1.0
    paths_engine = ShortestPaths(network.graph, engine, positions=ecef(network.lon, network.lat))
    searches = paths_engine.routes(
        origins, targets, cap=limit, first_limits=first_limits, is_canceled=is_canceled
    )
    searched = np.zeros(n, bool)
    node_paths = {}
    for done, (k, costs, offsets, nodes) in enumerate(searches, start=1):
        for j, i in enumerate(pairs_of[k]):
            searched[i] = True
            values[i, 0] = costs[j]
            if np.isfinite(costs[j]):
                node_paths[i] = nodes[offsets[j] : offsets[j + 1]]
            else:
                reason[i] = "beyond_max"
        if progress is not None and (done % 16 == 0 or done == len(origins)):
            progress(100.0 * done / len(origins))
    found = np.fromiter(node_paths, np.int64, len(node_paths))
    road_km, rail_km, transfers[found] = _paths_lengths(network, list(node_paths.values()))
    for i, road, rail in zip(found, road_km, rail_km):
        access_km = (o_gap[i] + d_gap[i]) / 1000.0
        net_km = road + rail + access_km
        if net_km > max_km:
            reason[i] = "beyond_max"
            continue
        values[i] = [
            values[i, 0] + access_km * road_rate,
            net_km,
            road + access_km,
            rail,
            access_km,
        ]
        nodes = node_paths[i]
        paths[i] = np.column_stack(
            [
                np.concatenate([[o_lon[i]], network.lon[nodes], [d_lon[i]]]),
                np.concatenate([[o_lat[i]], network.lat[nodes], [d_lat[i]]]),
            ]
        )
    values[~np.array([p is not None for p in paths], dtype=bool), 0] = np.nan
    reason[todo[~searched[todo]]] = "canceled"  # searches stop only then
    result = pd.DataFrame(values, columns=["cost_t", "net_km", "road_km", "rail_km", "access_km"])
    result["transfers"] = transfers
    result["reachable"] = np.array([p is not None for p in paths], dtype=bool)
    result["reason"] = reason
    result["mode"] = [
        route_mode(r.road_km, r.rail_km, r.access_km) if r.reachable else ""
        for r in result.itertuples()
    ]
    result["straight_km"] = geodesic_m(o_lon, o_lat, d_lon, d_lat) / 1000.0
    return result, paths


def _paths_lengths(network, node_paths):
    """Road km, rail km and transfers along each node path (transfer steps have no length)."""
    if not node_paths:
        return np.zeros(0), np.zeros(0), np.zeros(0, np.int64)
    sizes = np.array([len(p) for p in node_paths])
    nodes = np.concatenate(node_paths)
    seg = _segment_starts(sizes)  # every step within one path
    a, b = nodes[seg], nodes[seg + 1]
    mode_a, mode_b = network.mode[a], network.mode[b]
    # paths from one origin share their first steps: measure each distinct step once
    step, inverse = np.unique(a * np.int64(network.nodes) + b, return_inverse=True)
    a_once, b_once = np.divmod(step, network.nodes)
    step_m = geodesic_m(
        network.lon[a_once], network.lat[a_once], network.lon[b_once], network.lat[b_once]
    )
    step_km = step_m[inverse] / 1000.0
    same = mode_a == mode_b
    path_of_step = np.repeat(np.arange(len(sizes)), sizes - 1)

    def per_path(weights):
        return np.bincount(path_of_step, weights=weights, minlength=len(sizes))

    road = per_path(np.where(same & (mode_a == ROAD), step_km, 0.0))
    rail = per_path(np.where(same & (mode_a == RAIL), step_km, 0.0))
    return road, rail, per_path((~same).astype(float)).astype(np.int64)


def route_mode(road_km, rail_km, access_km):
    if rail_km <= 0:
        return "road"
    return "rail" if road_km - access_km <= 1e-9 else "road+rail"


def off_network_modes(materials):
    """{material: its transport mode} for materials that move neither by road nor by rail."""
    modes = {}
    for code, text in materials["transport_modes"].items():
        allowed = [m.strip() for m in str(text).split(";") if m.strip()]
        if allowed and not {"road", "rail"} & set(allowed):
            modes[code] = allowed[0]
    return modes


def piped_mask(links, off_network):
    """Per row: does its supply material move by pipeline or heat main (a key of
    ``off_network``, see off_network_modes), whatever the row's own mode says?"""
    if "supply_mat" not in links.columns:
        return np.zeros(len(links), bool)
    return links["supply_mat"].astype(str).isin(off_network).to_numpy()


def route_candidates(network, candidates, enterprises, off_network=None, **options):
    """Route every candidate (supply_ent -> demand_ent) once per distinct enterprise pair.

    enterprises: ent_id, x (lon), y (lat). off_network: {supply material: mode} of flows that
    move by pipeline or heat main; those candidates keep a straight line and are not costed.
    Returns (DataFrame with LINK_COLUMNS plus the candidate's other columns, list of lon/lat
    paths aligned with its rows).
    """
    off_network = off_network or {}
    cands = normalise_ids(candidates.reset_index(drop=True), ("supply_ent", "demand_ent"))
    piped = piped_mask(cands, off_network)
    routed, routed_paths = _route_on_network(network, cands[~piped], enterprises, options)
    if not piped.any():
        return routed, routed_paths
    straight = _straight_links(cands[piped], enterprises, off_network)
    out = pd.concat(
        [
            routed.assign(_row=np.flatnonzero(~piped)),
            straight[0].assign(_row=np.flatnonzero(piped)),
        ],
        ignore_index=True,
    )
    paths = list(routed_paths) + list(straight[1])
    order = np.argsort(out["_row"].to_numpy(), kind="stable")
    return out.iloc[order].drop(columns="_row").reset_index(drop=True), [paths[k] for k in order]


def estimated_links(candidates, enterprises, off_network=None, road_rate=6.0, detour=1.3):
    """Candidates costed without a network: straight geodesic km x ``detour`` by road
    (mode "estimated"); gas, heat and water keep their pipeline or heat-main mode, uncosted
    here as when routed (the allocation prices them per unit-km). Same columns and paths as
    route_candidates, so the chain runs in a region without network data."""
    off_network = off_network or {}
    cands = candidates.reset_index(drop=True)
    piped = piped_mask(cands, off_network)
    out, paths = _straight_links(cands, enterprises, off_network)
    road = ~piped & out["reachable"].to_numpy(bool)
    km = out["net_km"].to_numpy(float) * detour
    out.loc[road, "mode"] = "estimated"
    out.loc[road, "net_km"] = km[road]
    out.loc[road, "road_km"] = km[road]
    out.loc[road, "detour"] = detour
    out.loc[road, "cost_t"] = road_rate * km[road]
    out.loc[road, "reason"] = "estimated"
    if "potential" in out.columns:
        out.loc[road, "cost_total"] = out.loc[road, "cost_t"] * out.loc[road, "potential"]
    return out, paths


def _locations(enterprises):
    return (
        normalise_ids(enterprises, ("ent_id",))
        .dropna(subset=["x", "y"])
        .drop_duplicates("ent_id")
        .set_index("ent_id")
    )


def _straight_links(cands, enterprises, off_network):
    where = _locations(enterprises)
    out = normalise_ids(cands, ("supply_ent", "demand_ent"))
    a = where.reindex(out["supply_ent"])[["x", "y"]].to_numpy(float)
    b = where.reindex(out["demand_ent"])[["x", "y"]].to_numpy(float)
    located = ~(np.isnan(a).any(axis=1) | np.isnan(b).any(axis=1))
    km = np.full(len(out), np.nan)
    km[located] = geodesic_m(a[located, 0], a[located, 1], b[located, 0], b[located, 1]) / 1e3
    paths = [np.vstack([a[k], b[k]]) if located[k] else None for k in range(len(out))]
    out = out.assign(
        mode=out["supply_mat"].astype(str).map(off_network),
        net_km=km,
        road_km=0.0,
        rail_km=0.0,
        transfers=0,
        cost_t=np.nan,
        cost_total=np.nan,
        detour=1.0,
        reachable=located,
        reason=np.where(located, "not_routed", "no_location"),
    )
    if "cand_id" not in out.columns:
        out["cand_id"] = np.arange(1, len(out) + 1)
    ordered = LINK_COLUMNS + [c for c in out.columns if c not in LINK_COLUMNS]
    return out[ordered], paths


def _route_on_network(network, candidates, enterprises, options):
    cands = candidates.reset_index(drop=True).copy()
    if "cand_id" not in cands.columns:
        cands["cand_id"] = np.arange(1, len(cands) + 1)
    for column in ("supply_ent", "demand_ent"):
        cands[column] = cands[column].astype(str).str.strip()
    where = _locations(enterprises)
    located = cands["supply_ent"].isin(where.index) & cands["demand_ent"].isin(where.index)
    pairs = (
        cands.loc[located, ["supply_ent", "demand_ent"]].drop_duplicates().reset_index(drop=True)
    )
    s = where.loc[pairs["supply_ent"]]
    d = where.loc[pairs["demand_ent"]]
    routes, paths = route_pairs(
        network,
        s["x"].to_numpy(),
        s["y"].to_numpy(),
        d["x"].to_numpy(),
        d["y"].to_numpy(),
        **options,
    )
    routes = pd.concat([pairs, routes], axis=1)
    routes["path_index"] = np.arange(len(routes))
    out = cands.drop(
        columns=[
            c
            for c in routes.columns
            if c in cands.columns and c not in ("supply_ent", "demand_ent")
        ]
    )
    out = out.merge(routes, on=["supply_ent", "demand_ent"], how="left")
    out["reachable"] = out["reachable"].fillna(False).astype(bool)
    out.loc[~located.to_numpy(), "reason"] = "no_location"
    out["reason"] = out["reason"].fillna("")
    out["transfers"] = out["transfers"].fillna(0).astype(int)
    out["mode"] = out["mode"].fillna("")
    out["detour"] = out["net_km"] / out["straight_km"].where(out["straight_km"] > 0)
    potential = pd.to_numeric(out["potential"], errors="coerce") if "potential" in out else np.nan
    out["cost_total"] = out["cost_t"] * potential
    route_paths = [paths[int(k)] if not pd.isna(k) else None for k in out["path_index"]]
    out = out.drop(columns=["path_index", "straight_km", "access_km"])
    ordered = LINK_COLUMNS + [c for c in out.columns if c not in LINK_COLUMNS]
    return out[ordered], route_paths


def parse_class_costs(text):
    """'trunk=5.4, primary=6' -> {'trunk': 5.4, 'primary': 6.0}; ValueError names the bad item."""
    costs = {}
    for item in (text or "").replace(";", ",").split(","):
        if not item.strip():
            continue
        name, sep, value = item.partition("=")
        try:
            if not sep:
                raise ValueError
            costs[name.strip()] = float(value.replace(" ", ""))
        except ValueError:
            raise ValueError(f"'{item.strip()}' is not CLASS=RUB per t-km") from None
        if not np.isfinite(costs[name.strip()]) or costs[name.strip()] < 0:
            raise ValueError(f"'{item.strip()}': a tariff is a number >= 0")
    return costs


def road_rates(classes, road_cost, class_costs=None):
    """RUB per t-km of each road line from its class (None: the plain road tariff).

    An explicit class_costs entry wins; else OSM highway classes scale the road tariff.
    """
    class_costs = class_costs or {}
    codes, distinct = pd.factorize(pd.Series(list(classes), dtype=object), use_na_sentinel=True)
    rate_of = np.full(len(distinct) + 1, float(road_cost))  # the last one: no class
    for k, cls in enumerate(distinct):
        cls = str(cls).strip()
        if cls in class_costs:
            rate_of[k] = class_costs[cls]
        elif cls in OSM_HIGHWAY_FACTORS:
            rate_of[k] = road_cost * OSM_HIGHWAY_FACTORS[cls]
    return rate_of[codes]  # code -1 (None) takes the last entry
