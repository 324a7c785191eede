"""core.network without QGIS: networkx agrees, noding, merging, reasons, class tariffs."""

import itertools

import networkx as nx
import numpy as np
import pytest
from pyproj import Geod

from symbiosis_qgis.core.network import (
    build_network,
    network_costs,
    parse_class_costs,
    road_rates,
    route_pairs,
    snap,
)
from symbiosis_qgis.core.shortest_paths import available_engines

GEOD = Geod(ellps="WGS84")
OPTIONS = {
    "road_rate": 1.0,
    "max_km": 1000,
    "snap_tolerance_m": 500,
    "max_rate": 1.0,
    "handling_cost": 0.0,
}


def random_lines(seed, n_points=60, k=3):
    """Segments of a random geometric graph around Novokuznetsk, as two-point lines."""
    rng = np.random.default_rng(seed)
    pts = np.column_stack([87.0 + rng.random(n_points) * 0.5, 53.6 + rng.random(n_points) * 0.3])
    lines = []
    for i in range(n_points):
        d = np.hypot(*(pts - pts[i]).T)
        for j in np.argsort(d)[1 : k + 1]:
            lines.append(np.vstack([pts[i], pts[j]]))
    return pts, lines


@pytest.mark.parametrize("engine", ["numba", "scipy"])
def test_costs_equal_networkx_dijkstra(engine):
    if engine not in available_engines():
        pytest.skip("numba is not installed")
    pts, lines = random_lines(3)
    network = build_network(lines, np.ones(len(lines)), densify_m=0)
    g = nx.Graph()
    for line in lines:
        (x1, y1), (x2, y2) = line
        _, _, m = GEOD.inv(x1, y1, x2, y2)
        a, b = tuple(line[0]), tuple(line[1])
        if not g.has_edge(a, b) or g[a][b]["weight"] > m / 1000:
            g.add_edge(a, b, weight=m / 1000)
    node, _ = snap(network, pts[:, 0], pts[:, 1])
    costs = network_costs(network, node[:10], node, engine=engine)
    for i in range(10):
        expected = nx.single_source_dijkstra_path_length(g, tuple(pts[i]), weight="weight")
        for j in range(len(pts)):
            want = expected.get(tuple(pts[j]), np.inf)
            assert costs[i, j] == pytest.approx(want, rel=1e-9, abs=1e-9)


def test_lines_join_only_where_they_share_a_vertex_unless_merged():
    a = np.array([[87.0, 54.0], [87.1, 54.0]])
    b = np.array([[87.1, 54.00001], [87.2, 54.0]])  # about 1.1 m from a's end
    apart = build_network([a, b], [1.0, 1.0], densify_m=0)
    merged = build_network([a, b], [1.0, 1.0], merge_tolerance_m=5, densify_m=0)
    assert len(np.unique(apart.component)) == 2
    assert len(np.unique(merged.component)) == 1
    routes, _ = route_pairs(merged, [87.0], [54.0], [87.2], [54.0], **OPTIONS)
    assert routes.reachable[0] and routes.net_km[0] == pytest.approx(13.2, rel=0.01)


def test_densify_keeps_length_and_bounds_snap_distance():
    line = np.array([[87.0, 54.0], [87.5, 54.0]])
    plain = build_network([line], [1.0], densify_m=0)
    dense = build_network([line], [1.0], densify_m=250)
    assert dense.nodes > 100
    r1, _ = route_pairs(plain, [87.0], [54.0], [87.5], [54.0], **OPTIONS)
    r2, _ = route_pairs(dense, [87.0], [54.0], [87.5], [54.0], **OPTIONS)
    assert r2.net_km[0] == pytest.approx(r1.net_km[0], rel=1e-4)
    _, gap = snap(dense, [87.2537], [54.0])
    assert gap[0] <= 125.5


def test_reasons_for_unreachable_pairs():
    main = np.array([[87.0, 54.0], [87.3, 54.0]])
    island = np.array([[88.0, 54.0], [88.1, 54.0]])
    network = build_network([main, island], [1.0, 1.0], densify_m=0)
    routes, paths = route_pairs(
        network,
        [87.0, 87.0, 87.0],
        [54.0, 54.0, 54.0],
        [88.1, 87.3, 87.3],
        [54.0, 54.5, 54.0],
        road_rate=1.0,
        max_km=10,
        snap_tolerance_m=500,
        max_rate=1.0,
        handling_cost=0.0,
    )
    assert routes.reason.tolist() == ["disconnected", "too_far", "beyond_max"]
    assert not routes.reachable.any() and paths == [None, None, None]


def test_rail_with_terminals_beats_long_road():
    road = np.array([[86.0, 54.0], [88.0, 54.0]])  # about 130 km
    rail = np.array([[86.01, 54.0], [87.99, 54.0]])
    terminals = np.array([[86.01, 54.0], [87.99, 54.0]])
    network = build_network(
        [road], [6.0], [rail], rail_rate=1.5, terminals=terminals, handling_cost=150, densify_m=500
    )
    routes, _ = route_pairs(
        network,
        [86.0],
        [54.0],
        [88.0],
        [54.0],
        road_rate=6.0,
        max_km=500,
        snap_tolerance_m=1000,
        max_rate=6.0,
        handling_cost=150,
    )
    assert routes["mode"][0] == "road+rail" and routes.transfers[0] == 2
    road_only = 6.0 * routes.net_km[0]
    assert routes.cost_t[0] < road_only
    assert routes.rail_km[0] > 120


def test_class_tariffs():
    assert parse_class_costs("trunk=5.4; track = 11") == {"trunk": 5.4, "track": 11.0}
    with pytest.raises(ValueError, match="track11"):
        parse_class_costs("track11")
    rates = road_rates(["trunk", "track", None, "mystery"], 6.0, {"track": 11.0})
    assert rates.tolist() == [pytest.approx(5.4), 11.0, 6.0, 6.0]


def grid_lines(seed, n=40):
    """A jittered n x n grid near Kemerovo with 10% of its segments removed."""
    rng = np.random.default_rng(seed)
    lon = 86.0 + np.arange(n)[:, None] * 0.003 + rng.uniform(-0.001, 0.001, (n, n))
    lat = 55.3 + np.arange(n)[None, :] * 0.002 + rng.uniform(-0.0007, 0.0007, (n, n))
    pts = np.stack([lon, lat], axis=-1)
    lines = [np.vstack([pts[i, j], pts[i + 1, j]]) for i in range(n - 1) for j in range(n)]
    lines += [np.vstack([pts[i, j], pts[i, j + 1]]) for i in range(n) for j in range(n - 1)]
    keep = rng.random(len(lines)) > 0.1
    return pts.reshape(-1, 2), [line for line, k in zip(lines, keep) if k], rng


@pytest.mark.skipif("numba" not in available_engines(), reason="numba is not installed")
def test_compiled_engine_equals_scipy_within_a_bound():
    pts, lines, rng = grid_lines(5)
    network = build_network(lines, rng.uniform(1, 3, len(lines)), densify_m=0)
    node, _ = snap(network, pts[:, 0], pts[:, 1])
    origins, destinations = node[rng.choice(len(node), 70)], node
    fast = network_costs(network, origins, destinations, limit=4.0, engine="numba", workers=2)
    slow = network_costs(network, origins, destinations, limit=4.0, engine="scipy")
    assert np.isfinite(fast).sum() > 1000 and (~np.isfinite(fast)).sum() > 1000
    assert np.array_equal(np.isfinite(fast), np.isfinite(slow))
    assert np.allclose(fast[np.isfinite(fast)], slow[np.isfinite(slow)], rtol=1e-12, atol=0)
    routes = {}
    for engine in ("numba", "scipy"):
        routes[engine], _ = route_pairs(
            network, pts[:50, 0], pts[:50, 1], pts[-50:, 0], pts[-50:, 1], engine=engine, **OPTIONS
        )
    assert routes["numba"].reachable.sum() > 40
    pd_cols = ["cost_t", "net_km", "road_km", "transfers"]
    assert np.allclose(
        routes["numba"][pd_cols].to_numpy(float),
        routes["scipy"][pd_cols].to_numpy(float),
        rtol=1e-9,
        equal_nan=True,
    )


@pytest.mark.parametrize("engine", available_engines())
def test_costs_stop_when_canceled_and_report_progress(engine):
    pts, lines, rng = grid_lines(6, n=20)
    network = build_network(lines, np.ones(len(lines)), densify_m=0)
    node, _ = snap(network, pts[:, 0], pts[:, 1])
    seen = []
    origins = np.resize(node, 600)  # more than one batch of either engine
    calls = itertools.count()  # canceled from the fourth question on, whoever asks
    costs = network_costs(
        network,
        origins,
        node,
        engine=engine,
        workers=1,
        progress=seen.append,
        is_canceled=lambda: next(calls) >= 3,
    )
    computed = np.isfinite(costs).any(axis=1)
    assert computed.any() and not computed.all()
    assert seen and all(0 < p <= 100 for p in seen)
    full = []
    network_costs(network, node[:64], node, engine=engine, progress=full.append)
    assert full[-1] == 100.0


def test_building_the_graph_stops_when_canceled():
    from symbiosis_qgis.core.network import CanceledError

    _, lines = random_lines(7)
    calls = itertools.count()
    with pytest.raises(CanceledError):
        build_network(lines, np.ones(len(lines)), is_canceled=lambda: next(calls) >= 2)
    assert next(calls) == 3  # it asked between steps and stopped at the first yes


def test_vertex_grouping_survives_a_hash_collision():
    from symbiosis_qgis.core import network as core_network

    rng = np.random.default_rng(3)
    keys = rng.integers(-(10**11), 10**11, (50, 2))
    keys = np.vstack([keys, keys[[4, 9, 4]]])  # three repeats of earlier rows
    multiplier = np.int64(-7046029254386353131)
    x1, y1 = keys[0]
    x2 = x1 + 1
    with np.errstate(over="ignore"):  # the hash wraps around on purpose
        y2 = (x1 * multiplier ^ y1) ^ (x2 * multiplier)  # another row with the same hash
        keys = np.vstack([keys, [[x2, y2]]])
        mixed = keys[:, 0] * multiplier ^ keys[:, 1]
    assert mixed[-1] == mixed[0] and (keys[-1] != keys[0]).any()
    inverse, first = core_network._first_appearance(keys)
    rows = [tuple(row) for row in keys.tolist()]
    order = list(dict.fromkeys(rows))  # distinct rows in order of first appearance
    assert inverse.tolist() == [order.index(row) for row in rows]
    assert [rows[i] for i in first] == order
    assert inverse[-1] != inverse[0]


@pytest.mark.skipif("numba" not in available_engines(), reason="numba is not installed")
def test_goal_directed_routes_equal_scipy_on_road_rail_and_terminals():
    """numba's A* (its lower bound set by the cheap rail tariff and the terminals' transfer
    edges) against scipy's bounded Dijkstra through route_pairs: same costs, kilometres,
    transfers and paths, several destinations per origin."""
    pts, lines, rng = grid_lines(7, n=30)
    rails = [np.array([[86.0 + 0.003 * k, 55.3], [86.0 + 0.003 * k, 55.36]]) for k in (5, 20)]
    terminals = np.array([[86.015, 55.31], [86.015, 55.35], [86.06, 55.33]])
    network = build_network(
        lines,
        rng.uniform(1, 3, len(lines)),
        rails,
        rail_rate=0.4,
        terminals=terminals,
        handling_cost=1.5,
        terminal_tolerance_m=300,
        densify_m=200,
    )
    assert network.terminals_linked == 3
    origin = rng.choice(len(pts), 30, replace=False).repeat(4)
    dest = rng.choice(len(pts), len(origin))
    options = {**OPTIONS, "max_km": 8.0, "max_rate": 3.0, "handling_cost": 1.5}
    found = {
        engine: route_pairs(
            network,
            pts[origin, 0],
            pts[origin, 1],
            pts[dest, 0],
            pts[dest, 1],
            engine=engine,
            **options,
        )
        for engine in ("numba", "scipy")
    }
    (a, paths_a), (b, paths_b) = found["numba"], found["scipy"]
    columns = ["cost_t", "net_km", "road_km", "rail_km", "transfers"]
    assert np.array_equal(a[columns].to_numpy(float), b[columns].to_numpy(float), equal_nan=True)
    assert a.reason.tolist() == b.reason.tolist()
    assert 40 < a.reachable.sum() < len(a) and (a.transfers > 0).sum() > 5
    for path_a, path_b in zip(paths_a, paths_b):
        assert (path_a is None) == (path_b is None)
        if path_a is not None:
            assert np.array_equal(path_a, path_b)
