"""Network routing: core.network against QGIS's own graph, the way QNEAT3 and scripts do it.

A generated road network of about 1 million segments (a 710 x 710 grid, 200 m spacing, 142 km
across, 4% of the segments removed, vertices jittered), 1,000 origins and 5,000 destinations
at network vertices, OD distances up to 50 km. Each side runs in its own process so that its
peak memory (max RSS) is its own:
  engine  core.network.build_network from coordinate arrays, then network_costs bounded at
          50 km, three ways: the compiled (numba) engine on every core (the default), the same
          on one thread, and the scipy engine (csgraph.dijkstra, used when numba is missing);
  qgis    QgsVectorLayerDirector + QgsGraphBuilder (topology tolerance 1 um) with the 6,000
          points as tie points, then one QgsGraphAnalyzer.dijkstra per origin (unbounded: QGIS
          has no bound). QGIS is run for QGIS_ORIGINS origins and its OD time extrapolated to
          1,000 (every one of its runs covers the whole graph, so the time per origin is flat).
Distances are compared on the origins both ran.
"""

import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

N = 710
SPACING_M = 200.0
X0, Y0 = 400_000.0, 5_900_000.0
N_ORIGINS, N_DEST = 1000, 5000
LIMIT_KM = 50.0
QGIS_ORIGINS = 20
TOPOLOGY_TOL_M = 1e-6
TMP = Path("/tmp/symbiosis_bench_network")


def generate(seed=11):
    """Segments (k, 2, 2) in UTM 45N metres, and the ids of origin and destination vertices."""
    rng = np.random.default_rng(seed)
    gx, gy = np.meshgrid(np.arange(N), np.arange(N), indexing="ij")
    x = X0 + gx * SPACING_M + rng.uniform(-30, 30, gx.shape)
    y = Y0 + gy * SPACING_M + rng.uniform(-30, 30, gy.shape)
    vid = gx * N + gy
    horizontal = np.column_stack([vid[:-1, :].ravel(), vid[1:, :].ravel()])
    vertical = np.column_stack([vid[:, :-1].ravel(), vid[:, 1:].ravel()])
    edges = np.vstack([horizontal, vertical])
    edges = edges[rng.random(len(edges)) > 0.04]
    xy = np.column_stack([x.ravel(), y.ravel()])
    segments = np.stack([xy[edges[:, 0]], xy[edges[:, 1]]], axis=1)
    used = np.unique(edges)
    points = rng.choice(used, N_ORIGINS + N_DEST, replace=False)
    return segments, xy, points[:N_ORIGINS], points[N_ORIGINS:]


def to_lonlat(xy):
    from pyproj import Transformer

    lon, lat = Transformer.from_crs(32645, 4326, always_xy=True).transform(xy[..., 0], xy[..., 1])
    return np.stack([lon, lat], axis=-1)


ENGINES = {
    "engine": ("numba", None),
    "engine_1_thread": ("numba", 1),
    "engine_scipy": ("scipy", 1),
}


def run_engine(kind):
    from symbiosis_qgis.core.network import build_network, network_costs, snap
    from symbiosis_qgis.core.shortest_paths import available_engines

    engine, workers = ENGINES[kind]
    if engine not in available_engines():
        return None

    segments, xy, origins, dests = generate()
    lonlat_segments = to_lonlat(segments)
    start = time.perf_counter()
    network = build_network(list(lonlat_segments), np.ones(len(segments)))
    build_s = time.perf_counter() - start
    pts = to_lonlat(xy)
    o_node, _ = snap(network, pts[origins, 0], pts[origins, 1])
    d_node, _ = snap(network, pts[dests, 0], pts[dests, 1])
    network_costs(network, o_node[:1], d_node, limit=LIMIT_KM, engine=engine)  # compile
    start = time.perf_counter()
    costs = network_costs(network, o_node, d_node, limit=LIMIT_KM, engine=engine, workers=workers)
    od_s = time.perf_counter() - start
    np.save(TMP / f"{kind}.npy", costs)
    return {
        "shortest_path_engine": engine,
        "threads": workers or os.cpu_count(),
        "segments": len(segments),
        "nodes": network.nodes,
        "build_s": build_s,
        "od_s": od_s,
        "pairs_within_limit": int(np.isfinite(costs).sum()),
    }


def run_qgis():
    from qgis.analysis import (
        QgsGraphAnalyzer,
        QgsGraphBuilder,
        QgsNetworkDistanceStrategy,
        QgsVectorLayerDirector,
    )
    from qgis.core import (
        QgsApplication,
        QgsCoordinateReferenceSystem,
        QgsFeature,
        QgsGeometry,
        QgsPointXY,
        QgsVectorLayer,
    )

    app = QgsApplication([], False)
    app.initQgis()
    segments, xy, origins, dests = generate()
    layer = QgsVectorLayer("LineString?crs=EPSG:32645", "roads", "memory")
    features = []
    for (x1, y1), (x2, y2) in segments:
        feature = QgsFeature()
        feature.setGeometry(QgsGeometry.fromPolylineXY([QgsPointXY(x1, y1), QgsPointXY(x2, y2)]))
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    del features
    ties = [QgsPointXY(*xy[k]) for k in np.concatenate([origins, dests])]
    start = time.perf_counter()
    director = QgsVectorLayerDirector(layer, -1, "", "", "", QgsVectorLayerDirector.DirectionBoth)
    director.addStrategy(QgsNetworkDistanceStrategy())
    # Topology tolerance 1 um, not 0: with 0, makeGraph moved one destination's tie point
    # 9.3e-10 m off its vertex and made it a separate vertex on one segment only, so QGIS
    # routed that destination 0.9% long (43.068 km where the network has 42.687 km).
    builder = QgsGraphBuilder(
        QgsCoordinateReferenceSystem("EPSG:32645"), True, TOPOLOGY_TOL_M, "WGS84"
    )
    tied = director.makeGraph(builder, ties)
    graph = builder.graph()
    build_s = time.perf_counter() - start
    dest_vertices = [graph.findVertex(p) for p in tied[N_ORIGINS:]]
    costs = np.full((QGIS_ORIGINS, N_DEST), np.inf)
    start = time.perf_counter()
    for i in range(QGIS_ORIGINS):
        _, cost = QgsGraphAnalyzer.dijkstra(graph, graph.findVertex(tied[i]), 0)
        row = np.array([cost[v] for v in dest_vertices]) / 1000.0
        costs[i] = np.where(row <= LIMIT_KM, row, np.inf)
    od_s = (time.perf_counter() - start) * N_ORIGINS / QGIS_ORIGINS
    np.save(TMP / "qgis.npy", costs)
    result = {
        "segments": len(segments),
        "nodes": graph.vertexCount(),
        "build_s": build_s,
        "topology_tolerance_m": TOPOLOGY_TOL_M,
        "od_s_extrapolated": od_s,
        "origins_run": QGIS_ORIGINS,
    }
    app.exitQgis()
    return result


def child(kind):
    result = run_engine(kind) if kind in ENGINES else run_qgis()
    if result is None:
        print("null")
        return
    result["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps(result))


def run_child(kind):
    out = subprocess.run(
        [sys.executable, __file__, kind],
        capture_output=True,
        text=True,
        check=True,
        env={
            "QT_QPA_PLATFORM": "offscreen",
            "PROJ_LIB": "/usr/share/proj",
            "PATH": "/usr/bin:/bin",
            "HOME": "/tmp",
        },
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def compare(a, b):
    both = np.isfinite(a) & np.isfinite(b)
    return {
        "compared_pairs": int(both.sum()),
        "same_reachability": bool((np.isfinite(a) == np.isfinite(b)).all()),
        "max_relative_difference": float(np.max(np.abs(a[both] - b[both]) / b[both]))
        if both.any()
        else None,
    }


def main():
    TMP.mkdir(exist_ok=True)
    engines = {kind: run_child(kind) for kind in ENGINES}
    engines = {kind: result for kind, result in engines.items() if result is not None}
    qgis = run_child("qgis")
    summary = {**engines, "qgis": qgis}
    q = np.load(TMP / "qgis.npy")
    for kind, result in engines.items():
        summary[f"{kind}_build_ratio"] = round(qgis["build_s"] / result["build_s"], 1)
        summary[f"{kind}_od_ratio"] = round(qgis["od_s_extrapolated"] / result["od_s"], 1)
        summary[f"{kind}_vs_qgis"] = compare(np.load(TMP / f"{kind}.npy")[:QGIS_ORIGINS], q)
    first = np.load(TMP / f"{next(iter(engines))}.npy")
    summary["engines_vs_each_other"] = [
        compare(first, np.load(TMP / f"{kind}.npy")) for kind in list(engines)[1:]
    ]
    out = ROOT / "bench" / "results"
    out.mkdir(parents=True, exist_ok=True)
    (out / "network.json").write_text(json.dumps(summary, indent=2))
    print(json.dumps(summary, indent=2))
    return summary


if __name__ == "__main__":
    if len(sys.argv) > 1:
        child(sys.argv[1])
    else:
        main()
