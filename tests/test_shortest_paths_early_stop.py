"""Early-stopping searches (ShortestPaths.routes) against full searches on random networks."""

import itertools
import multiprocessing
import os

import networkx as nx
import numpy as np
import pytest
from scipy.sparse import coo_matrix
from scipy.sparse.csgraph import dijkstra

from symbiosis_qgis.core import shortest_paths
from symbiosis_qgis.core.interruptible import can_interrupt, map_in_processes
from symbiosis_qgis.core.shortest_paths import ShortestPaths, available_engines, walk


def random_network(seed, n=400, k=4):
    """A random geometric graph (each node joined to its k nearest) with random weights,
    stored with both directions of each edge, plus a few nodes cut off from the rest."""
    rng = np.random.default_rng(seed)
    pts = rng.random((n, 2))
    u, v = [], []
    for i in range(n - 5):  # the last five nodes stay isolated
        d = np.hypot(*(pts[: n - 5] - pts[i]).T)
        for j in np.argsort(d)[1 : k + 1]:
            u.append(i)
            v.append(j)
    u, v = np.array(u), np.array(v)
    a, b = np.minimum(u, v), np.maximum(u, v)
    pairs = np.unique(np.column_stack([a, b]), axis=0)
    w = rng.uniform(0.1, 2.0, len(pairs))
    graph = coo_matrix(
        (
            np.concatenate([w, w]),
            (np.r_[pairs[:, 0], pairs[:, 1]], np.r_[pairs[:, 1], pairs[:, 0]]),
        ),
        shape=(n, n),
    ).tocsr()
    return graph, rng


def nx_costs(graph, origin):
    g = nx.Graph()
    g.add_nodes_from(range(graph.shape[0]))
    coo = graph.tocoo()
    g.add_weighted_edges_from(zip(coo.row.tolist(), coo.col.tolist(), coo.data.tolist()))
    return nx.single_source_dijkstra_path_length(g, origin)


@pytest.mark.parametrize("engine", ["numba", "scipy"])
@pytest.mark.parametrize("seed", [1, 2, 3])
def test_early_stop_gives_the_costs_and_paths_of_a_full_search(engine, seed):
    if engine not in available_engines():
        pytest.skip("numba is not installed")
    graph, rng = random_network(seed)
    n = graph.shape[0]
    origins = rng.choice(n, 40, replace=False)
    # a few targets each, some repeated, some isolated (never reached), some the origin itself
    targets = [
        np.concatenate([rng.choice(n, rng.integers(1, 6)), [o] if i % 5 == 0 else []]).astype(int)
        for i, o in enumerate(origins)
    ]
    targets[3] = np.array([n - 1, targets[3][0]])  # an unreachable one next to a reachable one
    cap = 12.0
    # scipy: first bounds far too small for most origins, so they are widened, and one huge
    first_limits = rng.uniform(0.01, 1.0, len(origins))
    first_limits[0] = 1e9
    found = {}
    for k, costs, offsets, nodes in ShortestPaths(graph, engine).routes(
        origins, targets, cap=cap, first_limits=first_limits, workers=2
    ):
        found[k] = costs, [nodes[offsets[j] : offsets[j + 1]] for j in range(len(costs))]
    assert sorted(found) == list(range(len(origins)))
    full_dist, full_pred = dijkstra(graph, indices=origins, return_predecessors=True)
    reached = beyond = 0
    for k, origin in enumerate(origins):
        costs, paths = found[k]
        reference = nx_costs(graph, origin)
        for j, target in enumerate(targets[k]):
            want = reference.get(target, np.inf)
            if want <= cap:
                reached += 1
                assert costs[j] == pytest.approx(want, rel=1e-12)
                assert costs[j] == full_dist[k, target]  # bit-identical to a full search
                assert np.array_equal(paths[j], walk(full_pred[k], origin, target))
                steps = [graph[a, b] for a, b in zip(paths[j][:-1], paths[j][1:])]
                assert sum(steps) == pytest.approx(want, rel=1e-12)
            else:
                beyond += 1
                assert np.isinf(costs[j]) and len(paths[j]) == 0
    assert reached > 40 and beyond > 0


@pytest.mark.skipif("numba" not in available_engines(), reason="numba is not installed")
def test_compiled_search_stops_once_its_targets_are_settled():
    graph, rng = random_network(4, n=2000)
    work = shortest_paths._workspace(graph.shape[0], graph.nnz)
    csr = ShortestPaths(graph, "numba")._csr
    dist, pred, touched, heap_key, heap_node, marks = work
    origin = 0
    full = shortest_paths.search(*csr, origin, np.inf, *work, 0)
    everything = dist[touched[:full]].copy()
    dist[touched[:full]] = np.inf
    nearest = touched[1:4].astype(np.int64)  # among the first nodes reached
    marks[nearest] = 1
    early = shortest_paths.search(*csr, origin, np.inf, *work, len(nearest))
    assert early < full / 10
    assert np.array_equal(dist[nearest], everything[1:4])
    assert not marks.any()  # the search clears the marks of the targets it settled


@pytest.mark.parametrize("engine", available_engines())
def test_routes_stop_when_canceled(engine):
    graph, rng = random_network(5, n=600)
    origins = np.arange(200)
    targets = [rng.choice(600, 3) for _ in origins]
    calls = itertools.count()
    seen = [
        k
        for k, *_ in ShortestPaths(graph, engine).routes(
            origins, targets, workers=1, is_canceled=lambda: next(calls) >= 2
        )
    ]
    assert 0 < len(seen) < len(origins)


def geometric_network(seed, n=500, k=4, transfers=6):
    """Nodes in the plane joined to their k nearest; weight = length x a tariff of 1-3 per
    edge, and a few 'transfer' edges of fixed cost between distant nodes (as terminals join
    road and rail), so the lowest weight per length is set by those, not by the tariffs."""
    rng = np.random.default_rng(seed)
    pts = rng.random((n, 2)) * 100
    near = np.argsort(np.hypot(*(pts[:, None, :] - pts[None, :, :]).transpose(2, 0, 1)), axis=1)
    pairs = np.unique(
        np.sort(np.column_stack([np.repeat(np.arange(n), k), near[:, 1 : k + 1].ravel()]), axis=1),
        axis=0,
    )
    length = np.hypot(*(pts[pairs[:, 0]] - pts[pairs[:, 1]]).T)
    w = length * rng.uniform(1.0, 3.0, len(pairs))
    transfer_pairs = rng.choice(n, (transfers, 2), replace=False)
    pairs = np.vstack([pairs, transfer_pairs])
    w = np.concatenate([w, np.full(transfers, 5.0)])
    graph = coo_matrix(
        (np.r_[w, w], (np.r_[pairs[:, 0], pairs[:, 1]], np.r_[pairs[:, 1], pairs[:, 0]])),
        shape=(n, n),
    ).tocsr()
    return graph, np.column_stack([pts, np.zeros(n)]), rng


def test_lowest_rate_bounds_every_cost_from_below():
    graph, positions, _ = geometric_network(6)
    rate = shortest_paths.lowest_rate(graph, positions)
    full = dijkstra(graph, indices=np.arange(0, 500, 7))
    straight = np.hypot(
        *(positions[np.arange(0, 500, 7), None, :2] - positions[None, :, :2]).transpose(2, 0, 1)
    )
    reached = np.isfinite(full)
    assert 0 < rate < 1.0  # a transfer edge makes it lower than the cheapest tariff
    assert (rate * straight[reached] <= full[reached]).all()
    tails = np.repeat(np.arange(500), np.diff(graph.indptr))
    chord = np.hypot(*(positions[tails, :2] - positions[graph.indices, :2]).T)
    assert np.isclose(graph.data / chord, rate, rtol=1e-6).any()  # the bound is tight


@pytest.mark.parametrize(
    "engine, goal, workers",
    [("numba", True, 2), ("numba", True, 1), ("scipy", False, 2), ("scipy", False, 1)],
)
@pytest.mark.parametrize("seed, transfers", [(7, 6), (8, 0)])
def test_goal_directed_and_forked_searches_equal_full_searches(
    engine, goal, workers, seed, transfers
):
    """Bit-identical costs and the same paths as one full Dijkstra per origin, with the
    lower bound of positions (numba) and with searches in forked processes (scipy)."""
    if engine not in available_engines():
        pytest.skip("numba is not installed")
    graph, positions, rng = geometric_network(seed, transfers=transfers)
    n = graph.shape[0]
    origins = rng.choice(n, 60, replace=False)
    targets = [rng.choice(n, rng.integers(1, 8)) for _ in origins]
    targets[5] = np.array([origins[5], targets[5][0]])  # the origin itself among them
    targets[7] = rng.choice(n, shortest_paths.GOAL_MAX_TARGETS + 6)  # too many for A*
    cap = 150.0
    paths_engine = ShortestPaths(graph, engine, positions=positions if goal else None)
    assert (paths_engine.positions is not None) == goal
    found = {}
    for k, costs, offsets, nodes in paths_engine.routes(
        origins, targets, cap=cap, first_limits=rng.uniform(1, 60, len(origins)), workers=workers
    ):
        found[k] = costs, [nodes[offsets[j] : offsets[j + 1]] for j in range(len(costs))]
    assert sorted(found) == list(range(len(origins)))
    full_dist, full_pred = dijkstra(graph, indices=origins, return_predecessors=True)
    reached = beyond = 0
    for k, origin in enumerate(origins):
        costs, paths = found[k]
        for j, target in enumerate(targets[k]):
            if full_dist[k, target] <= cap:
                reached += 1
                assert costs[j] == full_dist[k, target]
                assert np.array_equal(paths[j], walk(full_pred[k], origin, target))
            else:
                beyond += 1
                assert np.isinf(costs[j]) and len(paths[j]) == 0
    assert reached > 100 and beyond > 10


@pytest.mark.skipif("numba" not in available_engines(), reason="numba is not installed")
def test_goal_directed_search_touches_fewer_nodes():
    graph, positions, rng = geometric_network(9, n=1500, transfers=0)
    paths_engine = ShortestPaths(graph, "numba", positions=positions)
    work = shortest_paths._workspace(graph.shape[0], graph.nnz, goal=True)
    dist, pred, touched, heap_key, heap_node, marks, heap_cost = work
    plain = goal = 0
    for origin in rng.choice(1500, 20, replace=False):
        target = np.array([(origin + 700) % 1500])
        marks[target] = 1
        m = shortest_paths.search(*paths_engine._csr, origin, np.inf, *work[:6], 1)
        marks[target] = 0
        want = dist[target[0]]
        dist[touched[:m]] = np.inf
        plain += m
        m = shortest_paths.goal_search(
            *paths_engine._csr,
            positions,
            paths_engine.bound_rate,
            origin,
            target,
            np.inf,
            dist,
            pred,
            touched,
            heap_key,
            heap_node,
            heap_cost,
            marks,
        )
        assert dist[target[0]] == want
        dist[touched[:m]] = np.inf
        goal += m
    assert not marks.any()
    assert goal < 0.7 * plain


def test_scipy_tightened_first_bound_widens_on_a_miss(monkeypatch):
    """Early origins need a third of their first bound, so later ones start tighter; the
    first that needs nearly all of it misses under the tighter bound and is searched again:
    every cost and path still equals a full search."""
    graph, positions, rng = geometric_network(10, transfers=0)
    origins = rng.choice(500, 40, replace=False)
    full_dist, full_pred = dijkstra(graph, indices=origins, return_predecessors=True)
    targets = [rng.choice(np.flatnonzero(np.isfinite(row)), 4) for row in full_dist]
    needed = np.array([full_dist[k, t].max() for k, t in enumerate(targets)])
    first_limits = 3.0 * needed
    first_limits[20:] = 1.01 * needed[20:]
    limits = []
    real = shortest_paths.dijkstra

    def recording(*args, **kwargs):
        limits.append(kwargs["limit"])
        return real(*args, **kwargs)

    monkeypatch.setattr(shortest_paths, "dijkstra", recording)
    found = {
        k: (costs, [nodes[offsets[j] : offsets[j + 1]] for j in range(len(costs))])
        for k, costs, offsets, nodes in ShortestPaths(graph, "scipy").routes(
            origins, targets, cap=np.inf, first_limits=first_limits, workers=1
        )
    }
    # origins 8-20 start at 3 x 0.35 of their need; origin 20 (needs 99 % of its first
    # bound) misses and is searched again under its first bound; from then on the share
    # seen (0.99 x 1.05 > 1) leaves the first bounds as they are
    assert len(limits) == len(origins) + 1
    assert np.allclose(limits[8:20], first_limits[8:20] / 3 * 1.05)
    assert limits[20] < needed[20] and limits[21] == first_limits[20]
    assert limits[22:] == list(first_limits[21:])
    for k, origin in enumerate(origins):
        costs, paths = found[k]
        assert np.array_equal(costs, full_dist[k, targets[k]])
        for j, target in enumerate(targets[k]):
            assert np.array_equal(paths[j], walk(full_pred[k], origin, target))


@pytest.mark.skipif(not can_interrupt(), reason="no fork on this platform")
def test_forked_scipy_routes_stop_when_canceled():
    graph, rng = random_network(5, n=3000)
    origins = np.arange(400)
    targets = [rng.choice(3000, 3) for _ in origins]
    seen = []
    for k, *_ in ShortestPaths(graph, "scipy").routes(
        origins, targets, workers=2, is_canceled=lambda: len(seen) >= 5
    ):
        seen.append(k)
    assert 5 <= len(seen) < len(origins)
    assert multiprocessing.active_children() == []  # the workers were terminated


def _square_or_fail(k):
    if k == 13:
        raise ValueError("thirteen")
    return k * k


@pytest.mark.skipif(not can_interrupt(), reason="no fork on this platform")
def test_map_in_processes_gives_every_result_and_raises_a_workers_error():
    results = dict(map_in_processes(lambda k: (k, os.getpid()), 50, workers=2))
    assert sorted(results) == list(range(50))
    assert all(value[0] == k for k, value in results.items())
    assert os.getpid() not in {pid for _, pid in results.values()}  # computed in children
    with pytest.raises(ValueError, match="thirteen"):
        dict(map_in_processes(_square_or_fail, 30, workers=2))
    assert multiprocessing.active_children() == []
    in_place = dict(map_in_processes(lambda k: os.getpid(), 5, workers=1))
    assert set(in_place.values()) == {os.getpid()}
