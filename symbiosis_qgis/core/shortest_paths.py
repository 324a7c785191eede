"""Bounded single-source shortest paths on a symmetric CSR graph, one origin at a time.

Two engines give the same distances:
  numba  a compiled Dijkstra (4-ary heap with lazy deletion) that resets only the nodes it
         touched, so an origin costs what its bounded search reaches, not the whole graph; it
         releases the GIL, so origins are spread over threads (every core by default);
  scipy  scipy.sparse.csgraph.dijkstra over batches of origins (dense rows per batch).
numba is optional: without it (e.g. a QGIS whose Python lacks it) scipy is used.
"""

import os
from concurrent.futures import ThreadPoolExecutor

import numpy as np
from scipy.sparse.csgraph import dijkstra

try:  # optional accelerator
    from numba import njit
except ImportError:  # pragma: no cover - depends on the machine
    njit = None

MEMORY_BUDGET = 400e6  # bytes for one scipy batch of distance and predecessor rows
CHUNK = 32  # origins per unit of work between progress reports and cancel checks


def available_engines():
    return ("numba", "scipy") if njit is not None else ("scipy",)


def default_engine():
    return available_engines()[0]


def _kernel_search(indptr, indices, data, source, limit, dist, pred, touched, heap_key, heap_node):
    """Dijkstra from ``source`` up to ``limit``; returns how many nodes it touched.

    dist must be +inf everywhere on entry; the caller resets dist[touched[:n]] afterwards.
    A node is pushed at most once per incoming edge, so the heap never outgrows nnz + 1.
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
    for k in range(len(origins)):
        n_touched = search(
            indptr, indices, data, origins[k], limit, dist, pred, touched, heap_key, heap_node
        )
        for j in range(len(destinations)):
            out[k, j] = dist[destinations[j]]
        for t in range(n_touched):
            dist[touched[t]] = np.inf


if njit is not None:
    search = njit(cache=True, nogil=True)(_kernel_search)
    rows = njit(cache=True, nogil=True)(_kernel_rows)
else:  # pragma: no cover
    search = rows = None


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

    def searches(self, origins, limit=np.inf, is_canceled=None):
        """Yield (k, dist, pred) per origin: arrays over all nodes, valid until the next yield.

        dist is inf where the search did not reach within ``limit``; pred leads back to the
        origin from every reached node.
        """
        origins = np.asarray(origins, np.int64)
        if self.engine == "scipy":
            step = _batch_size(self.nodes)
            for start in range(0, len(origins), step):
                if is_canceled is not None and is_canceled():
                    return
                dist, pred = dijkstra(
                    self.graph,
                    directed=True,
                    indices=origins[start : start + step],
                    limit=limit,
                    return_predecessors=True,
                )
                for row in range(len(dist)):
                    yield start + row, dist[row], pred[row]
            return
        n = self.nodes
        dist = np.full(n, np.inf)
        pred = np.empty(n, np.int32)
        touched = np.empty(n, np.int32)
        heap_key = np.empty(len(self._csr[1]) + 1, np.float64)
        heap_node = np.empty(len(self._csr[1]) + 1, np.int32)
        for k, origin in enumerate(origins):
            if is_canceled is not None and is_canceled():
                return
            n_touched = search(
                *self._csr, int(origin), float(limit), dist, pred, touched, heap_key, heap_node
            )
            yield k, dist, pred
            dist[touched[:n_touched]] = np.inf


def _batch_size(n_nodes):
    return int(max(1, min(256, MEMORY_BUDGET // (12 * max(n_nodes, 1)))))


def walk(pred, origin, target):
    """Node ids from origin to target along a predecessor array."""
    nodes = [int(target)]
    while nodes[-1] != origin:
        nodes.append(int(pred[nodes[-1]]))
    return np.array(nodes[::-1], dtype=np.int64)
