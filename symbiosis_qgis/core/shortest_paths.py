"""Bounded single-source shortest paths on a symmetric CSR graph, one origin at a time.

Two engines give the same costs and paths:
  numba  a compiled Dijkstra (4-ary heap with lazy deletion) that resets only the nodes it
         touched, so an origin costs what its search reaches, not the whole graph. With node
         positions, routes() is goal-directed (A*: each node's priority adds a straight-line
         lower bound to the nearest target not yet settled) and stops once every target is
         settled. It releases the GIL, so origins are spread over threads (every core);
  scipy  scipy.sparse.csgraph.dijkstra, bounded per origin and widened only while targets
         are missing; it holds the GIL, so routes() runs it in forked worker processes.
numba is optional: without it (e.g. a QGIS whose Python lacks it) scipy is used.
"""

import os
import threading
from concurrent.futures import FIRST_COMPLETED, ThreadPoolExecutor, wait

import numpy as np
from scipy.sparse.csgraph import dijkstra

from .compiled import njit
from .interruptible import map_in_processes

MEMORY_BUDGET = 400e6  # bytes for one scipy batch of distance and predecessor rows
CHUNK = 32  # origins per unit of work between progress reports and cancel checks
ROUTE_CHUNK = 8  # routes(): origins per task of a numba thread
# more targets per origin: the lower bound (nearest target) costs more than it saves;
# measured within 40 km on the bench grid: 5 targets 9 vs 23 ms, 16: 20 vs 28, 32: equal
GOAL_MAX_TARGETS = 24
BOUND_SLACK = 1e-7  # the lower bound is shrunk by this share, so rounding cannot break it
FORK_MIN_ORIGINS = 16  # fewer scipy searches than this run in this process
POLL_S = 0.1  # routes(): longest wait between two cancel checks
WIDEN = 2.0  # scipy routes(): bound growth while targets are missing
SHARE_AFTER = 8  # scipy: origins searched before the first bound is tightened
SHARE_MARGIN = 1.05  # scipy: tightened bound = largest share seen so far x this


def available_engines():
    return ("numba", "scipy") if njit is not None else ("scipy",)


def default_engine():
    return available_engines()[0]


def _kernel_search(
    indptr,
    indices,
    data,
    source,
    limit,
    dist,
    pred,
    touched,
    heap_key,
    heap_node,
    is_target,
    remaining,
):
    """Dijkstra from ``source`` up to ``limit``; returns how many nodes it touched.

    dist must be +inf everywhere on entry; the caller resets dist[touched[:n]] afterwards.
    A node is pushed at most once per incoming edge, so the heap never outgrows nnz + 1.
    Early stop: when ``remaining`` > 0, the search ends as soon as that many nodes marked in
    ``is_target`` are settled (it clears their marks). A settled node's cost and predecessor
    never change afterwards, so the costs and paths of the targets are those of a full search.
    """
    dist[source] = 0.0
    pred[source] = -1
    touched[0] = source
    n_touched = 1
    heap_key[0] = 0.0
    heap_node[0] = source
    size = 1
    while size > 0:
        d = heap_key[0]
        u = heap_node[0]
        size -= 1
        if size > 0:  # move the last entry down from the root
            last_key = heap_key[size]
            last_node = heap_node[size]
            i = 0
            while True:
                child = 4 * i + 1
                if child >= size:
                    break
                best = child
                best_key = heap_key[child]
                for c in range(child + 1, min(child + 4, size)):
                    if heap_key[c] < best_key:
                        best_key = heap_key[c]
                        best = c
                if best_key >= last_key:
                    break
                heap_key[i] = best_key
                heap_node[i] = heap_node[best]
                i = best
            heap_key[i] = last_key
            heap_node[i] = last_node
        if d > dist[u]:
            continue  # a stale entry: u was settled cheaper
        if remaining > 0 and is_target[u]:
            is_target[u] = 0
            remaining -= 1
            if remaining == 0:
                break  # every target is settled
        for e in range(indptr[u], indptr[u + 1]):
            v = indices[e]
            nd = d + data[e]
            if nd <= limit and nd < dist[v]:
                if dist[v] == np.inf:
                    touched[n_touched] = v
                    n_touched += 1
                dist[v] = nd
                pred[v] = u
                i = size
                size += 1
                while i > 0:
                    parent = (i - 1) >> 2
                    if heap_key[parent] <= nd:
                        break
                    heap_key[i] = heap_key[parent]
                    heap_node[i] = heap_node[parent]
                    i = parent
                heap_key[i] = nd
                heap_node[i] = v
    return n_touched


def _kernel_lower_bound(positions, rate, active, n_active, node):
    """rate x the straight-line distance from ``node`` to the nearest of the active targets."""
    best = np.inf
    x, y, z = positions[node, 0], positions[node, 1], positions[node, 2]
    for a in range(n_active):
        t = active[a]
        dx, dy, dz = positions[t, 0] - x, positions[t, 1] - y, positions[t, 2] - z
        squared = dx * dx + dy * dy + dz * dz
        if squared < best:
            best = squared
    return rate * np.sqrt(best)


def _kernel_goal_search(
    indptr,
    indices,
    data,
    positions,
    rate,
    source,
    targets,
    limit,
    dist,
    pred,
    touched,
    heap_key,
    heap_node,
    heap_cost,
    is_target,
):
    """A* from ``source`` until every target is settled or none is within ``limit``.

    The priority of a node is its cost plus ``lower_bound`` (rate x straight line to the
    nearest target not yet settled): a consistent lower bound when ``rate`` <= every edge's
    weight / straight length, so a node is settled at the cost a full Dijkstra gives it. As
    targets are settled the bound grows; an entry whose bound has grown goes back into the
    heap with its new priority (priorities only grow, so the heap order stays valid). Nodes
    whose cost plus bound exceeds ``limit`` are not pushed: no target within the limit can
    be reached through them. Returns how many nodes it touched (dist must be +inf on entry;
    the caller resets dist[touched[:n]]).
    """
    active = np.empty(len(targets), np.int64)
    n_active = 0
    for t in targets:
        if not is_target[t]:
            is_target[t] = 1
            active[n_active] = t
            n_active += 1
    dist[source] = 0.0
    pred[source] = -1
    touched[0] = source
    n_touched = 1
    first = lower_bound(positions, rate, active, n_active, source)
    size = 0
    if first <= limit:
        heap_key[0] = first
        heap_node[0] = source
        heap_cost[0] = 0.0
        size = 1
    while size > 0:
        key = heap_key[0]
        u = heap_node[0]
        g = heap_cost[0]
        size -= 1
        if size > 0:  # move the last entry down from the root
            last_key = heap_key[size]
            last_node = heap_node[size]
            last_cost = heap_cost[size]
            i = 0
            while True:
                child = 4 * i + 1
                if child >= size:
                    break
                best = child
                best_key = heap_key[child]
                for c in range(child + 1, min(child + 4, size)):
                    if heap_key[c] < best_key:
                        best_key = heap_key[c]
                        best = c
                if best_key >= last_key:
                    break
                heap_key[i] = best_key
                heap_node[i] = heap_node[best]
                heap_cost[i] = heap_cost[best]
                i = best
            heap_key[i] = last_key
            heap_node[i] = last_node
            heap_cost[i] = last_cost
        if g > dist[u]:
            continue  # a stale entry: u was reached cheaper since
        now = g + lower_bound(positions, rate, active, n_active, u)
        if now > key:  # its target was settled meanwhile: back with the grown priority
            if now > limit:
                continue
            key = now
            i = size
            size += 1
            while i > 0:
                parent = (i - 1) >> 2
                if heap_key[parent] <= key:
                    break
                heap_key[i] = heap_key[parent]
                heap_node[i] = heap_node[parent]
                heap_cost[i] = heap_cost[parent]
                i = parent
            heap_key[i] = key
            heap_node[i] = u
            heap_cost[i] = g
            continue
        if is_target[u]:
            is_target[u] = 0
            for a in range(n_active):
                if active[a] == u:
                    n_active -= 1
                    active[a] = active[n_active]
                    break
            if n_active == 0:
                break  # every target is settled
        for e in range(indptr[u], indptr[u + 1]):
            v = indices[e]
            nd = g + data[e]
            if nd <= limit and nd < dist[v]:
                key = nd + lower_bound(positions, rate, active, n_active, v)
                if key > limit:
                    continue  # no target within the limit through v
                if size == len(heap_key):  # cannot happen with a consistent bound
                    raise RuntimeError("goal-directed search: heap overflow")
                if dist[v] == np.inf:
                    touched[n_touched] = v
                    n_touched += 1
                dist[v] = nd
                pred[v] = u
                i = size
                size += 1
                while i > 0:
                    parent = (i - 1) >> 2
                    if heap_key[parent] <= key:
                        break
                    heap_key[i] = heap_key[parent]
                    heap_node[i] = heap_node[parent]
                    heap_cost[i] = heap_cost[parent]
                    i = parent
                heap_key[i] = key
                heap_node[i] = v
                heap_cost[i] = nd
    for a in range(n_active):  # targets left unsettled (beyond the limit)
        is_target[active[a]] = 0
    return n_touched


def _kernel_rows(indptr, indices, data, origins, destinations, limit, out):
    """out[k, j] = cost from origins[k] to destinations[j] (inf beyond limit)."""
    n = len(indptr) - 1
    dist = np.full(n, np.inf)
    pred = np.empty(n, np.int32)
    touched = np.empty(n, np.int32)
    heap_key = np.empty(len(indices) + 1, np.float64)
    heap_node = np.empty(len(indices) + 1, np.int32)
    no_targets = np.zeros(1, np.uint8)  # remaining = 0: a full bounded search
    for k in range(len(origins)):
        n_touched = search(
            indptr,
            indices,
            data,
            origins[k],
            limit,
            dist,
            pred,
            touched,
            heap_key,
            heap_node,
            no_targets,
            0,
        )
        for j in range(len(destinations)):
            out[k, j] = dist[destinations[j]]
        for t in range(n_touched):
            dist[touched[t]] = np.inf


def _kernel_routes(indptr, indices, data, origin, targets, limit, work):
    """Costs to ``targets`` and their node paths (concatenated, with offsets) from ``origin``.

    The search stops once every target is settled; unreached targets cost inf, empty path.
    """
    dist, pred, touched, heap_key, heap_node, is_target = work[:6]
    remaining = 0
    for t in targets:
        if not is_target[t]:
            is_target[t] = 1
            remaining += 1
    n_touched = search(
        indptr,
        indices,
        data,
        origin,
        limit,
        dist,
        pred,
        touched,
        heap_key,
        heap_node,
        is_target,
        remaining,
    )
    for t in targets:
        is_target[t] = 0
    return collect(dist, pred, touched, n_touched, origin, targets)


def _kernel_goal_routes(indptr, indices, data, positions, rate, origin, targets, limit, work):
    """As _kernel_routes, by the goal-directed search (same costs and paths)."""
    dist, pred, touched, heap_key, heap_node, is_target, heap_cost = work
    n_touched = goal_search(
        indptr,
        indices,
        data,
        positions,
        rate,
        origin,
        targets,
        limit,
        dist,
        pred,
        touched,
        heap_key,
        heap_node,
        heap_cost,
        is_target,
    )
    return collect(dist, pred, touched, n_touched, origin, targets)


def _kernel_collect(dist, pred, touched, n_touched, origin, targets):
    """(costs, offsets, nodes) of the targets after a search; resets the touched nodes."""
    costs = np.empty(len(targets))
    offsets = np.zeros(len(targets) + 1, np.int64)
    for j in range(len(targets)):
        costs[j] = dist[targets[j]]
        steps = 0
        if costs[j] < np.inf:
            node = targets[j]
            steps = 1
            while node != origin:
                node = pred[node]
                steps += 1
        offsets[j + 1] = offsets[j] + steps
    nodes = np.empty(offsets[-1], np.int64)
    for j in range(len(targets)):
        at = offsets[j + 1] - 1
        if at >= offsets[j]:
            node = targets[j]
            nodes[at] = node
            while node != origin:
                node = pred[node]
                at -= 1
                nodes[at] = node
    for t in range(n_touched):
        dist[touched[t]] = np.inf
    return costs, offsets, nodes


def _kernel_edge_rate(indptr, indices, data, positions):
    """min over edges of weight / straight length (inf when no edge has a length)."""
    best = np.inf
    for u in range(len(indptr) - 1):
        for e in range(indptr[u], indptr[u + 1]):
            v = indices[e]
            dx = positions[v, 0] - positions[u, 0]
            dy = positions[v, 1] - positions[u, 1]
            dz = positions[v, 2] - positions[u, 2]
            chord = np.sqrt(dx * dx + dy * dy + dz * dz)
            if chord > 0 and data[e] / chord < best:
                best = data[e] / chord
    return best


if njit is not None:
    _compile = njit(cache=True, nogil=True)
    search = _compile(_kernel_search)
    lower_bound = _compile(_kernel_lower_bound)
    goal_search = _compile(_kernel_goal_search)
    collect = _compile(_kernel_collect)
    rows = _compile(_kernel_rows)
    routes = _compile(_kernel_routes)
    goal_routes = _compile(_kernel_goal_routes)
    edge_rate = _compile(_kernel_edge_rate)
else:  # pragma: no cover
    search = lower_bound = goal_search = collect = rows = routes = goal_routes = None
    edge_rate = None


class ShortestPaths:
    """Bounded searches over ``graph`` (a CSR matrix holding both directions of each edge).

    positions: optional (n, 3) Cartesian coordinates of the nodes (e.g. Earth-centred). With
    them, numba's routes() are goal-directed (A*), bounded below by the straight line to the
    targets at the lowest weight per straight length of any edge, so whatever the weights
    mean (tariffs, transfers) the bound never exceeds a true cost.
    """

    def __init__(self, graph, engine=None, positions=None):
        self.graph = graph
        self.engine = engine or default_engine()
        if self.engine not in available_engines():
            raise ValueError(f"shortest-path engine '{self.engine}' is not available")
        self.positions = None
        self.bound_rate = 0.0
        self._searched = 0  # scipy: origins searched so far, and the largest share of their
        self._share_needed = 0.0  # first bound that their farthest target needed
        if self.engine == "numba":
            self._csr = (
                graph.indptr.astype(np.int32),
                graph.indices.astype(np.int32),
                graph.data.astype(np.float64),
            )
            if positions is not None:
                self.positions = np.ascontiguousarray(positions, np.float64)
                self.bound_rate = lowest_rate(graph, self.positions)

    @property
    def nodes(self):
        return self.graph.shape[0]

    def costs(
        self, origins, destinations, limit=np.inf, workers=None, progress=None, is_canceled=None
    ):
        """(origins x destinations) costs; inf beyond ``limit`` and for rows left by a cancel."""
        origins = np.asarray(origins, np.int64)
        destinations = np.asarray(destinations, np.int64)
        out = np.full((len(origins), len(destinations)), np.inf)
        if len(origins) == 0:
            return out
        if self.engine == "scipy":
            step = _batch_size(self.nodes)
            chunks = [slice(s, s + step) for s in range(0, len(origins), step)]

            def work(part):
                if is_canceled is None or not is_canceled():
                    out[part] = dijkstra(
                        self.graph, directed=True, indices=origins[part], limit=limit
                    )[:, destinations]

            workers = 1  # csgraph holds the GIL: threads would only queue
        else:
            chunks = [slice(s, s + CHUNK) for s in range(0, len(origins), CHUNK)]
            o32, d32 = origins.astype(np.int32), destinations.astype(np.int32)

            def work(part):
                if is_canceled is None or not is_canceled():
                    rows(*self._csr, o32[part], d32, float(limit), out[part])

        workers = max(1, min(workers or os.cpu_count() or 1, len(chunks)))
        done = 0
        with ThreadPoolExecutor(max_workers=workers) as pool:
            pending = [pool.submit(work, part) for part in chunks]
            for future in pending:
                if is_canceled is not None and is_canceled():
                    for other in pending:
                        other.cancel()
                    break
                future.result()
                done += 1
                if progress is not None:
                    progress(100.0 * done / len(chunks))
        return out

    def routes(
        self, origins, targets, cap=np.inf, first_limits=None, workers=None, is_canceled=None
    ):
        """Yield (k, costs, offsets, nodes) per origin, in the order the searches finish.

        targets[k]: node ids to reach from origins[k]; costs[j] is the cost to targets[k][j]
        (inf beyond ``cap``), its path is nodes[offsets[j]:offsets[j + 1]] (origin first;
        empty when unreached). Each search stops once its targets are settled (numba, goal-
        directed when positions were given), or runs bounded by first_limits[k] and is
        widened only while targets are missing (scipy). numba's searches run on ``workers``
        threads, scipy's (which hold the GIL) in as many forked processes where the OS can
        fork (every core by default). A cancel is seen within POLL_S (or the scipy search
        under way) and stops the rest.
        """
        origins = np.asarray(origins, np.int64)
        targets = [np.asarray(t, np.int64) for t in targets]
        if first_limits is None:
            first_limits = np.full(len(origins), cap)
        workers = max(1, min(workers or os.cpu_count() or 1, len(origins) or 1))
        if self.engine == "scipy":

            def one(k):
                return self._scipy_routes(origins[k], targets[k], first_limits[k], cap)

            if len(origins) < FORK_MIN_ORIGINS:
                workers = 1  # a fork costs more than a few searches
            for k, found in map_in_processes(
                one, len(origins), workers=workers, is_canceled=is_canceled, poll_s=POLL_S
            ):
                yield (k, *found)
            return
        yield from self._numba_routes(origins, targets, cap, workers, is_canceled)

    def _numba_routes(self, origins, targets, cap, workers, is_canceled):
        """Compiled searches on ``workers`` threads, ROUTE_CHUNK origins per task."""
        stop = threading.Event()
        local = threading.local()
        goal = self.positions is not None

        def work(part):
            if not hasattr(local, "work"):
                local.work = _workspace(self.nodes, len(self._csr[1]), goal=goal)
            found = []
            for k in part:
                if stop.is_set():
                    break
                if goal and len(targets[k]) <= GOAL_MAX_TARGETS:
                    result = goal_routes(
                        *self._csr,
                        self.positions,
                        self.bound_rate,
                        int(origins[k]),
                        targets[k],
                        float(cap),
                        local.work,
                    )
                else:
                    result = routes(
                        *self._csr, int(origins[k]), targets[k], float(cap), local.work
                    )
                found.append((k, *result))
            return found

        parts = [
            range(s, min(s + ROUTE_CHUNK, len(origins)))
            for s in range(0, len(origins), ROUTE_CHUNK)
        ]
        with ThreadPoolExecutor(max_workers=workers) as pool:
            pending = {pool.submit(work, part) for part in parts}
            try:
                while pending:
                    done, pending = wait(pending, timeout=POLL_S, return_when=FIRST_COMPLETED)
                    for future in done:
                        yield from future.result()
                    if is_canceled is not None and is_canceled():
                        return
            finally:
                stop.set()
                for future in pending:
                    future.cancel()

    def _scipy_routes(self, origin, targets, first_limit, cap):
        """Bounded csgraph searches, widened only while some targets are still unreached.

        Within its bound a search's costs are exact, so a wider one changes none of them.
        The first bound is first_limit, or less once earlier origins have shown what share of
        it their targets needed (the largest share seen x SHARE_MARGIN): a csgraph search
        costs what its bound encloses. A target missed under that tighter bound is searched
        again under first_limit, then under WIDEN times more, up to ``cap``.
        """
        costs = np.full(len(targets), np.inf)
        paths = [np.zeros(0, np.int64)] * len(targets)
        missing = np.arange(len(targets))
        first_limit = min(float(first_limit), cap)
        limit = first_limit
        if self._searched >= SHARE_AFTER and self._share_needed * SHARE_MARGIN < 1.0:
            limit = first_limit * self._share_needed * SHARE_MARGIN
        while True:
            dist, pred = dijkstra(
                self.graph,
                directed=True,
                indices=int(origin),
                limit=limit,
                return_predecessors=True,
            )
            reached = np.isfinite(dist[targets[missing]])
            for j in missing[reached]:
                costs[j] = dist[targets[j]]
                paths[j] = walk(pred, origin, targets[j])
            missing = missing[~reached]
            if len(missing) == 0 or limit >= cap:
                break
            limit = first_limit if limit < first_limit else min(cap, limit * WIDEN)
        found = costs[np.isfinite(costs)]
        if len(found) and first_limit > 0:
            self._searched += 1
            self._share_needed = max(self._share_needed, float(found.max()) / first_limit)
        offsets = np.concatenate([[0], np.cumsum([len(p) for p in paths])]).astype(np.int64)
        return costs, offsets, np.concatenate(paths)


def _workspace(n_nodes, n_edges, goal=False):
    """Per-thread arrays of the compiled searches: dist (all inf), pred, touched, heap, marks
    and, for the goal-directed search, the cost of each heap entry."""
    plain = (
        np.full(n_nodes, np.inf),
        np.empty(n_nodes, np.int32),
        np.empty(n_nodes, np.int32),
        np.empty(n_edges + 1, np.float64),
        np.empty(n_edges + 1, np.int32),
        np.zeros(n_nodes, np.uint8),
    )
    return (*plain, np.empty(n_edges + 1, np.float64)) if goal else plain


def lowest_rate(graph, positions):
    """The lowest weight per straight-line length over the edges of ``graph`` (less a
    BOUND_SLACK share): rate x straight line is then a lower bound of any route's cost.
    Edges of zero length are left out (they add nothing to a straight line); 0 when no
    edge has a length or a weight is 0."""
    if graph.nnz == 0:
        return 0.0
    if njit is not None:  # one pass over the edges, no (edges, 3) temporaries
        rate = edge_rate(graph.indptr, graph.indices, graph.data, positions)
    else:
        tails = np.repeat(np.arange(graph.shape[0]), np.diff(graph.indptr))
        chord = np.sqrt(((positions[tails] - positions[graph.indices]) ** 2).sum(axis=1))
        some = chord > 0
        rate = float(np.min(graph.data[some] / chord[some])) if some.any() else np.inf
    return rate * (1.0 - BOUND_SLACK) if np.isfinite(rate) and rate > 0 else 0.0


def _batch_size(n_nodes):
    return int(max(1, min(256, MEMORY_BUDGET // (12 * max(n_nodes, 1)))))


def walk(pred, origin, target):
    """Node ids from origin to target along a predecessor array."""
    nodes = [int(target)]
    while nodes[-1] != origin:
        nodes.append(int(pred[nodes[-1]]))
    return np.array(nodes[::-1], dtype=np.int64)
