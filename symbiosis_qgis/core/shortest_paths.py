"""Bounded single-source shortest paths on a symmetric CSR graph, one origin at a time.

Two engines give the same distances:
  numba  a compiled Dijkstra (4-ary heap with lazy deletion) that resets only the nodes it
         touched, so an origin costs what its bounded search reaches, not the whole graph; it
         releases the GIL, so origins are spread over threads (every core by default);
  scipy  scipy.sparse.csgraph.dijkstra over batches of origins (dense rows per batch).
numba is optional: without it (e.g. a QGIS whose Python lacks it) scipy is used.
"""

import os
import threading
from concurrent.futures import FIRST_COMPLETED, ThreadPoolExecutor, wait

import numpy as np
from scipy.sparse.csgraph import dijkstra

try:  # optional accelerator; SYMBIOSIS_NO_NUMBA=1 hides it (benchmarks, checks)
    if os.environ.get("SYMBIOSIS_NO_NUMBA"):
        raise ImportError
    from numba import njit
except ImportError:  # pragma: no cover - depends on the machine
    njit = None

MEMORY_BUDGET = 400e6  # bytes for one scipy batch of distance and predecessor rows
CHUNK = 32  # origins per unit of work between progress reports and cancel checks
POLL_S = 0.1  # routes(): longest wait between two cancel checks
WIDEN = 2.0  # scipy routes(): bound growth while targets are missing


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
    dist, pred, touched, heap_key, heap_node, is_target = work
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
    for t in targets:
        is_target[t] = 0
    for t in range(n_touched):
        dist[touched[t]] = np.inf
    return costs, offsets, nodes


if njit is not None:
    search = njit(cache=True, nogil=True)(_kernel_search)
    rows = njit(cache=True, nogil=True)(_kernel_rows)
    routes = njit(cache=True, nogil=True)(_kernel_routes)
else:  # pragma: no cover
    search = rows = routes = None


class ShortestPaths:
    """Bounded searches over ``graph`` (a CSR matrix holding both directions of each edge)."""

    def __init__(self, graph, engine=None):
        self.graph = graph
        self.engine = engine or default_engine()
        if self.engine not in available_engines():
            raise ValueError(f"shortest-path engine '{self.engine}' is not available")
        if self.engine == "numba":
            self._csr = (
                graph.indptr.astype(np.int32),
                graph.indices.astype(np.int32),
                graph.data.astype(np.float64),
            )

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
        empty when unreached). Each search stops once its targets are settled (numba), or
        runs bounded by first_limits[k] and is widened only while targets are missing
        (scipy). numba's searches run on ``workers`` threads (every core by default); a
        cancel is seen within POLL_S (or the scipy search under way) and stops the rest.
        """
        origins = np.asarray(origins, np.int64)
        targets = [np.asarray(t, np.int64) for t in targets]
        if first_limits is None:
            first_limits = np.full(len(origins), cap)
        stop = threading.Event()
        local = threading.local()

        def work(k):
            if stop.is_set():
                return None
            if self.engine == "numba":
                if not hasattr(local, "work"):
                    local.work = _workspace(self.nodes, len(self._csr[1]))
                found = routes(*self._csr, int(origins[k]), targets[k], float(cap), local.work)
            else:
                found = self._scipy_routes(origins[k], targets[k], first_limits[k], cap)
            return (k, *found)

        if self.engine == "scipy":
            workers = 1  # csgraph holds the GIL (measured with scipy 1.10): threads would queue
        workers = max(1, min(workers or os.cpu_count() or 1, len(origins) or 1))
        with ThreadPoolExecutor(max_workers=workers) as pool:
            pending = {pool.submit(work, k) for k in range(len(origins))}
            try:
                while pending:
                    done, pending = wait(pending, timeout=POLL_S, return_when=FIRST_COMPLETED)
                    for future in done:
                        result = future.result()
                        if result is not None:
                            yield result
                    if is_canceled is not None and is_canceled():
                        return
            finally:
                stop.set()
                for future in pending:
                    future.cancel()

    def _scipy_routes(self, origin, targets, first_limit, cap):
        """Bounded csgraph searches, widened only while some targets are still unreached.

        Within its bound a search's costs are exact, so a wider one changes none of them.
        """
        costs = np.full(len(targets), np.inf)
        paths = [np.zeros(0, np.int64)] * len(targets)
        missing = np.arange(len(targets))
        limit = min(float(first_limit), cap)
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
            limit = min(cap, limit * WIDEN)
        offsets = np.concatenate([[0], np.cumsum([len(p) for p in paths])]).astype(np.int64)
        return costs, offsets, np.concatenate(paths)


def _workspace(n_nodes, n_edges):
    """Per-thread arrays of the compiled search: dist (all inf), pred, touched, heap, marks."""
    return (
        np.full(n_nodes, np.inf),
        np.empty(n_nodes, np.int32),
        np.empty(n_nodes, np.int32),
        np.empty(n_edges + 1, np.float64),
        np.empty(n_edges + 1, np.int32),
        np.zeros(n_nodes, np.uint8),
    )


def _batch_size(n_nodes):
    return int(max(1, min(256, MEMORY_BUDGET // (12 * max(n_nodes, 1)))))


def walk(pred, origin, target):
    """Node ids from origin to target along a predecessor array."""
    nodes = [int(target)]
    while nodes[-1] != origin:
        nodes.append(int(pred[nodes[-1]]))
    return np.array(nodes[::-1], dtype=np.int64)
