"""networklinks as users run it: processing.run on GeoPackages against QGIS's own graph.

The project's generated road network (a 710 x 710 grid, 200 m spacing, 142 km across, 4% of
the segments removed, vertices jittered: 966,646 two-point segments in UTM 45N), 1,000
suppliers with 5 consumers each (5,000 candidates, all within 40 km in a straight line),
written to GeoPackages once (cached in /tmp). Each side runs in its own process so that its
peak memory (max RSS) is its own; all sides run in the same `make bench`:
  plugin        processing.run("symbiosis:networklinks") reading the GeoPackages and writing a
                GeoPackage, MAX_DISTANCE 60 km, ROAD_COST 1 (cost = km); its stages are timed
                from the algorithm's own progress texts. Twice: with numba, and with numba
                hidden (SYMBIOSIS_NO_NUMBA=1, as in a QGIS whose Python has none: scipy).
  core          for information: build_network from coordinate arrays + route_pairs, what the
                algorithm calls, without reading or writing layers.
  qgis          a user's PyQGIS script: the roads GeoPackage layer, QgsVectorLayerDirector +
                QgsGraphBuilder (topology tolerance 1 um) with the 6,000 points tied, then one
                QgsGraphAnalyzer.dijkstra per supplier and each of its routes walked back
                through the tree; run for QGIS_ORIGINS suppliers and extrapolated to 1,000.
Distances of the pairs QGIS routed are compared with the plugin's net_km. Each side also
reports its CPU seconds (with its workers'; run_cpu_s: the timed part only) and the 1-minute
load average sampled while it ran: the machine is shared, and a side run at load 4 on 2
cores gets about half of them; the ratio of CPU seconds is given beside the wall-time one.
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
sys.path.insert(0, str(Path(__file__).resolve().parent))
from qgis_session import start_processing, start_qgis  # noqa: E402

N = 710
SPACING_M = 200.0
X0, Y0 = 400_000.0, 5_900_000.0
N_SUPPLIERS, PER_SUPPLIER = 1000, 5
REACH_M = 40_000.0
MAX_KM = 60.0
QGIS_ORIGINS = 20
TOPOLOGY_TOL_M = 1e-6
TMP = Path("/tmp/symbiosis_bench_network")
DATA = TMP / "network_bench.gpkg"


def generate(seed=11):
    """Segments (k, 2, 2) in UTM 45N metres, vertices, supplier and consumer vertex ids."""
    from scipy.spatial import cKDTree

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
    suppliers = rng.choice(used, N_SUPPLIERS, replace=False)
    tree = cKDTree(xy[used])
    consumers = np.empty((N_SUPPLIERS, PER_SUPPLIER), np.int64)
    for k, s in enumerate(suppliers):
        found = []
        while len(found) < PER_SUPPLIER:  # uniform in the 40 km disc, on a vertex
            r, a = REACH_M * np.sqrt(rng.random()), rng.random() * 2 * np.pi
            _, i = tree.query(xy[s] + r * np.array([np.cos(a), np.sin(a)]))
            v = used[i]
            if v != s and np.hypot(*(xy[v] - xy[s])) <= REACH_M - 100:
                found.append(v)
        consumers[k] = found
    return segments, xy, suppliers, consumers


def write_data():
    """The three input layers in one GeoPackage (made once)."""
    from osgeo import ogr, osr

    if DATA.exists():
        return
    TMP.mkdir(exist_ok=True)
    segments, xy, suppliers, consumers = generate()
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(32645)
    partial = DATA.with_suffix(".partial.gpkg")
    partial.unlink(missing_ok=True)
    data = ogr.GetDriverByName("GPKG").CreateDataSource(str(partial))
    roads = data.CreateLayer("roads", srs, ogr.wkbLineString)
    roads.StartTransaction()
    definition = roads.GetLayerDefn()
    header = np.array([1, 2, 0, 0, 0, 2, 0, 0, 0], np.uint8).tobytes()  # LineString, 2 points
    for segment in segments:
        feature = ogr.Feature(definition)
        feature.SetGeometryDirectly(ogr.CreateGeometryFromWkb(header + segment.tobytes()))
        roads.CreateFeature(feature)
    roads.CommitTransaction()
    ents = data.CreateLayer("enterprises", srs, ogr.wkbPoint)
    ents.CreateField(ogr.FieldDefn("ent_id", ogr.OFTString))
    ents.StartTransaction()
    points = [(f"S{k}", s) for k, s in enumerate(suppliers)]
    points += [(f"C{k}", c) for k, c in enumerate(consumers.ravel())]
    for ent_id, v in points:
        feature = ogr.Feature(ents.GetLayerDefn())
        feature.SetField("ent_id", ent_id)
        feature.SetGeometryDirectly(ogr.CreateGeometryFromWkt(f"POINT ({xy[v, 0]} {xy[v, 1]})"))
        ents.CreateFeature(feature)
    ents.CommitTransaction()
    cands = data.CreateLayer("candidates", None, ogr.wkbNone)
    for name, kind in [
        ("cand_id", ogr.OFTInteger64),
        ("supply_ent", ogr.OFTString),
        ("demand_ent", ogr.OFTString),
        ("potential", ogr.OFTReal),
    ]:
        cands.CreateField(ogr.FieldDefn(name, kind))
    cands.StartTransaction()
    for k in range(N_SUPPLIERS * PER_SUPPLIER):
        feature = ogr.Feature(cands.GetLayerDefn())
        feature.SetField("cand_id", k + 1)
        feature.SetField("supply_ent", f"S{k // PER_SUPPLIER}")
        feature.SetField("demand_ent", f"C{k}")
        feature.SetField("potential", 1000.0)
        cands.CreateFeature(feature)
    cands.CommitTransaction()
    data = None
    partial.rename(DATA)


def layer_uri(name):
    return f"{DATA}|layername={name}"


class StageClock:
    """A Processing feedback that times the stages named by setProgressText."""

    def __init__(self):
        from qgis.core import QgsProcessingFeedback

        clock = self

        class Feedback(QgsProcessingFeedback):
            def setProgressText(self, text):
                clock.mark(text)
                super().setProgressText(text)

            def pushInfo(self, text):
                clock.log.append(text)
                super().pushInfo(text)

        self.feedback = Feedback()
        self.stages, self.log = [], []
        self.last = ("start", time.perf_counter())

    def mark(self, name):
        now = time.perf_counter()
        self.stages.append((self.last[0], now - self.last[1]))
        self.last = (name, now)

    def seconds(self):
        self.mark("end")
        return {name: round(s, 2) for name, s in self.stages[1:]}


def run_plugin():
    """processing.run on the GeoPackages; returns timings and the routed distances."""
    processing = start_processing()
    from qgis.core import QgsVectorLayer

    from symbiosis_qgis.core.shortest_paths import default_engine

    engine = default_engine()
    out = TMP / f"links_{engine}.gpkg"
    out.unlink(missing_ok=True)
    clock = StageClock()
    start, cpu_start = time.perf_counter(), cpu_seconds()
    result = processing.run(
        "symbiosis:networklinks",
        {
            "CANDIDATES": layer_uri("candidates"),
            "ENTERPRISES": layer_uri("enterprises"),
            "ROADS": layer_uri("roads"),
            "ROAD_COST": 1.0,
            "MAX_DISTANCE": MAX_KM,
            "OUTPUT": str(out),
        },
        feedback=clock.feedback,
    )
    total_s, cpu_s = time.perf_counter() - start, cpu_seconds() - cpu_start
    links = QgsVectorLayer(str(out), "links", "ogr")
    km = {
        (f["supply_ent"], f["demand_ent"]): f["net_km"] if f["reachable"] else np.inf
        for f in links.getFeatures()
    }
    np.save(TMP / f"plugin_{engine}.npy", _km_matrix(km))
    del links
    return {
        "shortest_path_engine": engine,
        "cores": os.cpu_count(),
        "total_s": round(total_s, 2),
        "run_cpu_s": round(cpu_s, 1),
        "stages_s": clock.seconds(),
        "routed": result["ROUTED"],
        "unreachable": result["UNREACHABLE"],
    }


def _km_matrix(km):
    """(suppliers, 5) network km of each candidate from {(supplier, consumer): km}."""
    out = np.full((N_SUPPLIERS, PER_SUPPLIER), np.inf)
    for k in range(N_SUPPLIERS * PER_SUPPLIER):
        out[k // PER_SUPPLIER, k % PER_SUPPLIER] = km.get((f"S{k // PER_SUPPLIER}", f"C{k}"))
    return out


def cpu_seconds():
    """CPU seconds of this process (all its threads) and of the workers it has waited for."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    workers = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + workers.ru_utime + workers.ru_stime


def run_core():
    """build_network + route_pairs from coordinate arrays: the core's share, for information."""
    from pyproj import Transformer

    from symbiosis_qgis.core.network import Lines, build_network, route_pairs
    from symbiosis_qgis.core.shortest_paths import default_engine

    segments, xy, suppliers, consumers = generate()
    to_lonlat = Transformer.from_crs(32645, 4326, always_xy=True)
    lon, lat = to_lonlat.transform(segments[..., 0].ravel(), segments[..., 1].ravel())
    start, cpu_start = time.perf_counter(), cpu_seconds()
    network = build_network(
        Lines(np.column_stack([lon, lat]), np.full(len(segments), 2)), np.ones(len(segments))
    )
    build_s, build_cpu_s = time.perf_counter() - start, cpu_seconds() - cpu_start
    o = np.repeat(suppliers, PER_SUPPLIER)
    d = consumers.ravel()
    o_lon, o_lat = to_lonlat.transform(xy[o, 0], xy[o, 1])
    d_lon, d_lat = to_lonlat.transform(xy[d, 0], xy[d, 1])
    start, cpu_start = time.perf_counter(), cpu_seconds()
    routes, _ = route_pairs(
        network,
        o_lon,
        o_lat,
        d_lon,
        d_lat,
        road_rate=1.0,
        max_km=MAX_KM,
        snap_tolerance_m=5000,
        max_rate=1.0,
        handling_cost=150.0,
    )
    return {
        "shortest_path_engine": default_engine(),
        "nodes": network.nodes,
        "build_s": round(build_s, 2),
        "route_pairs_s": round(time.perf_counter() - start, 2),
        "build_cpu_s": round(build_cpu_s, 1),
        "route_pairs_cpu_s": round(cpu_seconds() - cpu_start, 1),
        "routed": int(routes["reachable"].sum()),
    }


def run_qgis():
    from qgis.analysis import (
        QgsGraphAnalyzer,
        QgsGraphBuilder,
        QgsNetworkDistanceStrategy,
        QgsVectorLayerDirector,
    )
    from qgis.core import QgsCoordinateReferenceSystem, QgsPointXY, QgsVectorLayer

    start_qgis()
    _, xy, suppliers, consumers = generate()
    start, cpu_start = time.perf_counter(), cpu_seconds()
    roads = QgsVectorLayer(layer_uri("roads"), "roads", "ogr")
    ties = [QgsPointXY(*xy[k]) for k in np.concatenate([suppliers, consumers.ravel()])]
    director = QgsVectorLayerDirector(roads, -1, "", "", "", QgsVectorLayerDirector.DirectionBoth)
    director.addStrategy(QgsNetworkDistanceStrategy())
    # Topology tolerance 1 um, not 0: with 0, makeGraph can move a tie point 1e-9 m off its
    # vertex and make it a separate vertex on one segment only (QGIS then detours).
    builder = QgsGraphBuilder(
        QgsCoordinateReferenceSystem("EPSG:32645"), True, TOPOLOGY_TOL_M, "WGS84"
    )
    tied = director.makeGraph(builder, ties)
    graph = builder.graph()
    build_s, build_cpu_s = time.perf_counter() - start, cpu_seconds() - cpu_start
    km = np.full((QGIS_ORIGINS, PER_SUPPLIER), np.inf)
    vertices = 0
    start, cpu_start = time.perf_counter(), cpu_seconds()
    for i in range(QGIS_ORIGINS):
        origin = graph.findVertex(tied[i])
        tree, cost = QgsGraphAnalyzer.dijkstra(graph, origin, 0)
        for j in range(PER_SUPPLIER):
            target = graph.findVertex(tied[N_SUPPLIERS + i * PER_SUPPLIER + j])
            if tree[target] == -1 or cost[target] / 1000.0 > MAX_KM:
                continue
            route, at = [graph.vertex(target).point()], target
            while at != origin:  # walk the tree back, as a script drawing the route does
                at = graph.edge(tree[at]).fromVertex()
                route.append(graph.vertex(at).point())
            vertices += len(route)
            km[i, j] = cost[target] / 1000.0
    od_s = (time.perf_counter() - start) * N_SUPPLIERS / QGIS_ORIGINS
    od_cpu_s = (cpu_seconds() - cpu_start) * N_SUPPLIERS / QGIS_ORIGINS
    np.save(TMP / "qgis.npy", km)
    return {
        "nodes": graph.vertexCount(),
        "build_s": round(build_s, 2),
        "topology_tolerance_m": TOPOLOGY_TOL_M,
        "od_and_walk_s_extrapolated": round(od_s, 2),
        "total_s": round(build_s + od_s, 2),
        "build_cpu_s": round(build_cpu_s, 1),
        "od_and_walk_cpu_s_extrapolated": round(od_cpu_s, 1),
        "run_cpu_s": round(build_cpu_s + od_cpu_s, 1),
        "origins_run": QGIS_ORIGINS,
        "route_vertices_walked": vertices,
    }


def run_warmup():
    """Compile the numba kernels into their on-disk cache, as a user's first run does once,
    so that no timed side pays for compiling."""
    from symbiosis_qgis.core.network import Lines, build_network, route_pairs

    start = time.perf_counter()
    square = np.array([[87.0, 54.0], [87.01, 54.0], [87.01, 54.01], [87.0, 54.01], [87.0, 54.0]])
    network = build_network(Lines(square, np.array([5])), np.ones(1))
    route_pairs(
        network,
        [87.0],
        [54.0],
        [87.01],
        [54.01],
        road_rate=1.0,
        max_km=10,
        snap_tolerance_m=100,
        max_rate=1.0,
        handling_cost=0.0,
    )
    return {"compile_or_load_s": round(time.perf_counter() - start, 2)}


SIDES = {
    "warmup": (run_warmup, {}),
    "plugin": (run_plugin, {}),
    "plugin_without_numba": (run_plugin, {"SYMBIOSIS_NO_NUMBA": "1"}),
    "core": (run_core, {}),
    "core_without_numba": (run_core, {"SYMBIOSIS_NO_NUMBA": "1"}),
    "qgis": (run_qgis, {}),
}


def child(kind):
    result = SIDES[kind][0]()
    result["peak_rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
    # scipy's searches run in forked workers: the largest of them (its RSS counts the pages
    # it shares with this process too)
    workers = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    if workers:
        result["peak_rss_largest_child_mb"] = round(workers / 1024)
    print(json.dumps(result), flush=True)
    os._exit(0)  # no QGIS teardown: deleting layers after exitQgis can crash, after the result


def run_child(kind):
    env = {
        "QT_QPA_PLATFORM": "offscreen",
        "PROJ_LIB": "/usr/share/proj",
        "PATH": "/usr/bin:/bin",
        "HOME": "/tmp",
        **SIDES[kind][1],
    }
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    with LoadSampler() as load:
        out = subprocess.run(
            [sys.executable, __file__, kind], capture_output=True, text=True, env=env
        )
    if out.returncode != 0:
        raise RuntimeError(f"{kind} failed:\n{out.stderr[-3000:]}")
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    result = json.loads(out.stdout.strip().splitlines()[-1])
    # CPU seconds of the side and its workers: what it costs whatever the machine's load
    result["side_cpu_s"] = round(
        after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime, 1
    )
    result["load_average_1min"] = load.summary()
    return result


class LoadSampler:
    """The 1-minute load average every few seconds while a side runs (the machine is shared:
    a side run at load 4 on 2 cores gets about half the CPU it would alone)."""

    def __init__(self, every_s=5.0):
        import threading

        self.every_s, self.samples = every_s, []
        self.done = threading.Event()
        self.thread = threading.Thread(target=self.run, daemon=True)

    def run(self):
        while True:
            self.samples.append(os.getloadavg()[0])
            if self.done.wait(self.every_s):
                return

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.done.set()
        self.thread.join()

    def summary(self):
        return {
            "mean": round(float(np.mean(self.samples)), 2),
            "max": round(float(np.max(self.samples)), 2),
        }


def compare(mine, qgis):
    """Pairs both routed: the largest relative difference of network km."""
    mine = mine[:QGIS_ORIGINS]
    both = np.isfinite(mine) & np.isfinite(qgis)
    return {
        "compared_pairs": int(both.sum()),
        "same_reachability": bool((np.isfinite(mine) == np.isfinite(qgis)).all()),
        "max_relative_difference": float(np.max(np.abs(mine[both] - qgis[both]) / qgis[both])),
    }


def main(sides=None):
    write_data()
    sides = sides or list(SIDES)
    summary = {"cores": os.cpu_count(), "load_average_at_start": os.getloadavg()}
    for kind in sides:
        try:
            summary[kind] = run_child(kind)
        except RuntimeError as err:  # one side failing must not lose the others' figures
            summary[f"{kind}_error"] = str(err)[-1500:]
        print(kind, json.dumps(summary.get(kind)), flush=True)
    qgis = summary.get("qgis")
    q = np.load(TMP / "qgis.npy") if qgis else None
    plugin_ok = [kind for kind in ("plugin", "plugin_without_numba") if kind in summary]
    for kind in plugin_ok:
        if qgis:
            engine = summary[kind]["shortest_path_engine"]
            summary[f"{kind}_speedup_vs_qgis"] = round(
                qgis["total_s"] / summary[kind]["total_s"], 1
            )
            # CPU seconds, for a shared machine: a side that ran while others loaded the
            # cores got less of them (QGIS's side runs one thread, the plugin's up to two)
            summary[f"{kind}_cpu_ratio_vs_qgis"] = round(
                qgis["run_cpu_s"] / summary[kind]["run_cpu_s"], 1
            )
            summary[f"{kind}_vs_qgis"] = compare(np.load(TMP / f"plugin_{engine}.npy"), q)
    if "plugin" in summary and "plugin_without_numba" in summary:
        a, b = np.load(TMP / "plugin_numba.npy"), np.load(TMP / "plugin_scipy.npy")
        summary["numba_and_scipy_identical"] = bool(np.array_equal(a, b))
    summary["numba_ran"] = summary.get("plugin", {}).get("shortest_path_engine") == "numba"
    summary["load_average_at_end"] = os.getloadavg()
    out = ROOT / "bench" / "results"
    out.mkdir(parents=True, exist_ok=True)
    (out / "network.json").write_text(json.dumps(summary, indent=2))
    print(json.dumps(summary, indent=2))
    return summary


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] in SIDES:
        child(sys.argv[1])
    else:
        main(sys.argv[1:])
