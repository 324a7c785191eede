"""Early-stopping searches (ShortestPaths.routes) against full searches on random networks."""

import itertools

import networkx as nx
import numpy as np
import pytest
from scipy.sparse import coo_matrix
from scipy.sparse.csgraph import dijkstra

from symbiosis_qgis.core import shortest_paths
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
