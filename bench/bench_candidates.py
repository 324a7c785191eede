"""findcandidates as users run it: processing.run on GeoPackages, writing a GeoPackage.

100,000 generated enterprises (one flow each: 40% supply fly ash, 60% demand for a concrete
addition, spread over 600 x 600 km in UTM 45N), one rule with a 10 km radius: about 2 million
candidate lines. The inputs are written to a GeoPackage once (cached in /tmp). Each side runs in
its own process (its own peak memory), all in the same `make bench`, each once (the machine is
shared: see load_average in the JSON):
  warmup    numba's kernels compiled into their cache (a user's first run pays this once);
  plugin    processing.run("symbiosis:findcandidates") on the GeoPackage layers, OUTPUT a
            GeoPackage; stages timed from the algorithm's progress texts; again with numba
            hidden (plugin_without_numba), as in a QGIS whose Python has none;
  core      for information: core.candidates.find_candidates on the frames (no layers);
  qgis      a PyQGIS script writing the same lines: the layers read with QGIS, a
            QgsSpatialIndex of consumers, a bounding-box query per supplier, the ellipsoidal
            distance (QgsDistanceArea) checked against the radius, one feature per pair with the
            same 18 fields, written with QgsVectorFileWriter to a GeoPackage;
  geopandas read_file, buffer every supplier, sjoin(predicate="intersects") with consumers,
            a line per pair, to_file (GeoPackage).
Pair sets are compared: plugin == qgis; geopandas's planar 64-gon buffer loses and gains a
few pairs near the 10 km circle.
"""

import json
import os
import resource
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

N = 100_000
RADIUS_M = 10_000.0
EXTENT_M = 600_000.0
TMP = Path("/tmp/symbiosis_bench_candidates")
DATA = TMP / "candidates_bench.gpkg"
RULES = pd.DataFrame(
    {
        "rule_id": ["R"],
        "supply_material": ["fly_ash"],
        "demand_material": ["concrete_addition"],
        "supply_unit": ["t/yr"],
        "demand_unit": ["t/yr"],
        "substitution_ratio": [1.0],
        "max_distance_km": [RADIUS_M / 1000],
    }
)


def generate(n=N, seed=42):
    rng = np.random.default_rng(seed)
    x = 300_000 + rng.random(n) * EXTENT_M
    y = 5_700_000 + rng.random(n) * EXTENT_M
    supply = rng.random(n) < 0.4
    ents = pd.DataFrame({"ent_id": [f"E{i}" for i in range(n)], "x": x, "y": y})
    flows = pd.DataFrame(
        {
            "flow_id": [f"F{i}" for i in range(n)],
            "ent_id": ents["ent_id"],
            "direction": np.where(supply, "supply", "demand"),
            "material": np.where(supply, "fly_ash", "concrete_addition"),
            "quantity": rng.integers(100, 10_000, n).astype(float),
            "unit": "t/yr",
        }
    )
    return ents, flows


def write_data():
    from osgeo import ogr, osr

    if DATA.exists():
        return
    TMP.mkdir(exist_ok=True)
    ents, flows = generate()
    partial = DATA.with_suffix(".partial.gpkg")
    partial.unlink(missing_ok=True)
    data = ogr.GetDriverByName("GPKG").CreateDataSource(str(partial))
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(32645)
    layer = data.CreateLayer("enterprises", srs, ogr.wkbPoint)
    layer.CreateField(ogr.FieldDefn("ent_id", ogr.OFTString))
    layer.StartTransaction()
    for ent_id, x, y in ents.itertuples(index=False):
        feature = ogr.Feature(layer.GetLayerDefn())
        feature.SetField("ent_id", ent_id)
        feature.SetGeometryDirectly(ogr.CreateGeometryFromWkt(f"POINT ({x} {y})"))
        layer.CreateFeature(feature)
    layer.CommitTransaction()
    for name, frame in [("flows", flows), ("rules", RULES)]:
        table = data.CreateLayer(name, None, ogr.wkbNone)
        for column in frame.columns:
            kind = ogr.OFTReal if frame[column].dtype.kind == "f" else ogr.OFTString
            table.CreateField(ogr.FieldDefn(column, kind))
        table.StartTransaction()
        for row in frame.itertuples(index=False):
            feature = ogr.Feature(table.GetLayerDefn())
            for column, value in zip(frame.columns, row):
                feature.SetField(column, value)
            table.CreateFeature(feature)
        table.CommitTransaction()
    data = None
    partial.rename(DATA)


def layer_uri(name):
    return f"{DATA}|layername={name}"


def output_pairs(path):
    """(supply_flow, demand_flow) pairs of the one table of a GeoPackage, read with sqlite."""
    with sqlite3.connect(path) as db:
        (table,) = db.execute("SELECT table_name FROM gpkg_contents").fetchone()
        columns = [r[1] for r in db.execute(f'PRAGMA table_info("{table}")')]
        s, d = (
            ("supply_flow", "demand_flow")
            if "supply_flow" in columns
            else ("flow_id_left", "flow_id_right")
        )
        return set(db.execute(f'SELECT "{s}", "{d}" FROM "{table}"'))


def run_plugin():
    from bench_network import StageClock
    from qgis_session import start_processing

    processing = start_processing()
    out = TMP / (
        "plugin_without_numba.gpkg" if os.environ.get("SYMBIOSIS_NO_NUMBA") else "plugin.gpkg"
    )
    out.unlink(missing_ok=True)
    clock = StageClock()
    start = time.perf_counter()
    result = processing.run(
        "symbiosis:findcandidates",
        {
            "ENTERPRISES": layer_uri("enterprises"),
            "FLOWS": layer_uri("flows"),
            "SYNERGIES": layer_uri("rules"),
            "OUTPUT": str(out),
        },
        feedback=clock.feedback,
    )
    total_s = time.perf_counter() - start
    return {
        "total_s": round(total_s, 2),
        "stages_s": clock.seconds(),
        "candidates": result["CANDIDATES"],
        "output": str(out),
    }


def run_core():
    from pyproj import Transformer

    from symbiosis_qgis.core.candidates import LONLAT, find_candidates

    ents, flows = generate()
    lon, lat = Transformer.from_crs(32645, 4326, always_xy=True).transform(ents.x, ents.y)
    ents = ents.assign(x=lon, y=lat)
    start = time.perf_counter()
    candidates, _ = find_candidates(ents, flows, RULES, coords=LONLAT)
    return {"total_s": round(time.perf_counter() - start, 2), "candidates": len(candidates)}


def run_qgis():
    from qgis.core import (
        QgsCoordinateReferenceSystem,
        QgsCoordinateTransformContext,
        QgsDistanceArea,
        QgsFeature,
        QgsField,
        QgsFields,
        QgsGeometry,
        QgsRectangle,
        QgsSpatialIndex,
        QgsVectorFileWriter,
        QgsVectorLayer,
        QgsWkbTypes,
    )
    from qgis.PyQt.QtCore import QVariant
    from qgis_session import start_qgis

    from symbiosis_qgis.core.candidates import CANDIDATE_COLUMNS

    start_qgis()
    out = TMP / "qgis.gpkg"
    out.unlink(missing_ok=True)
    start = time.perf_counter()
    ents = QgsVectorLayer(layer_uri("enterprises"), "enterprises", "ogr")
    flows = QgsVectorLayer(layer_uri("flows"), "flows", "ogr")
    where = {f["ent_id"]: f.geometry().asPoint() for f in ents.getFeatures()}
    supplies, demands = [], []
    for f in flows.getFeatures():
        row = (f["flow_id"], f["ent_id"], f["material"], f["quantity"], f["unit"])
        (supplies if f["direction"] == "supply" else demands).append(row)
    index = QgsSpatialIndex()
    for fid, row in enumerate(demands):
        feature = QgsFeature(fid)
        feature.setGeometry(QgsGeometry.fromPointXY(where[row[1]]))
        index.addFeature(feature)
    measure = QgsDistanceArea()
    measure.setSourceCrs(ents.crs(), QgsCoordinateTransformContext())
    measure.setEllipsoid("WGS84")
    fields = QgsFields()
    for name in CANDIDATE_COLUMNS:
        text = name not in ("cand_id", "dist_km", "radius_km", "supply_qty", "demand_qty")
        text = text and name != "potential"
        fields.append(QgsField(name, QVariant.String if text else QVariant.Double))
    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName = "GPKG"
    writer = QgsVectorFileWriter.create(
        str(out),
        fields,
        QgsWkbTypes.LineString,
        QgsCoordinateReferenceSystem("EPSG:32645"),
        QgsCoordinateTransformContext(),
        options,
    )
    reach = RADIUS_M * 1.002  # the box in UTM metres must hold the ellipsoidal circle
    batch, cand_id = [], 0
    for s_flow, s_ent, s_mat, s_qty, s_unit in supplies:
        here = where[s_ent]
        box = QgsRectangle(here.x() - reach, here.y() - reach, here.x() + reach, here.y() + reach)
        for fid in index.intersects(box):
            d_flow, d_ent, d_mat, d_qty, d_unit = demands[fid]
            there = where[d_ent]
            metres = measure.measureLine(here, there)
            if metres > RADIUS_M + 1e-3 or d_ent == s_ent:
                continue
            cand_id += 1
            feature = QgsFeature(fields)
            feature.setAttributes(
                [
                    cand_id,
                    s_ent,
                    d_ent,
                    s_flow,
                    d_flow,
                    s_mat,
                    d_mat,
                    "R",
                    metres / 1000,
                    RADIUS_M / 1000,
                    s_qty,
                    s_unit,
                    d_qty,
                    min(s_qty, d_qty),
                    d_unit,
                    None,
                    None,
                    "road",
                ][: len(CANDIDATE_COLUMNS)]
            )
            feature.setGeometry(QgsGeometry.fromPolylineXY([here, there]))
            batch.append(feature)
            if len(batch) == 10_000:
                writer.addFeatures(batch)
                batch = []
    writer.addFeatures(batch)
    del writer
    total_s = time.perf_counter() - start
    return {"total_s": round(total_s, 2), "candidates": cand_id, "output": str(out)}


def run_geopandas():
    import geopandas as gpd
    from shapely.geometry import LineString

    out = TMP / "geopandas.gpkg"
    out.unlink(missing_ok=True)
    start = time.perf_counter()
    ents = gpd.read_file(DATA, layer="enterprises")
    flows = pd.DataFrame(gpd.read_file(DATA, layer="flows").drop(columns="geometry"))
    table = ents.merge(flows, on="ent_id")
    suppliers = table[table["direction"] == "supply"]
    consumers = table[table["direction"] == "demand"]
    reach = suppliers.copy()
    reach["geometry"] = suppliers.buffer(RADIUS_M)
    pairs = gpd.sjoin(reach, consumers, predicate="intersects")
    start_xy = suppliers.geometry.loc[pairs.index]
    end_xy = consumers.geometry.loc[pairs["index_right"]]
    lines = [LineString([(a.x, a.y), (b.x, b.y)]) for a, b in zip(start_xy.values, end_xy.values)]
    result = gpd.GeoDataFrame(
        pairs.drop(columns="geometry").reset_index(drop=True), geometry=lines, crs=ents.crs
    )
    result.to_file(out, driver="GPKG")
    return {
        "total_s": round(time.perf_counter() - start, 2),
        "candidates": len(result),
        "output": str(out),
    }


def run_warmup():
    """Compile the numba kernels of the page writer into their on-disk cache, as a user's
    first run does once, so that no timed side pays for compiling: a few candidate rows
    written to a fresh GeoPackage table of the same columns."""
    from osgeo import ogr, osr

    from symbiosis_qgis.core.candidates import CANDIDATE_COLUMNS
    from symbiosis_qgis.processing.find_candidates import TEXT_COLUMNS
    from symbiosis_qgis.processing.gpkg_bulk import append_lines

    out = TMP / "warmup.gpkg"
    out.unlink(missing_ok=True)
    data = ogr.GetDriverByName("GPKG").CreateDataSource(str(out))
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(32645)
    layer = data.CreateLayer("warmup", srs, ogr.wkbLineString)
    columns = {}
    for name in CANDIDATE_COLUMNS:
        text = name in TEXT_COLUMNS
        layer.CreateField(ogr.FieldDefn(name, ogr.OFTString if text else ogr.OFTReal))
        columns[name] = pd.Series(["a", "b", "c"] if text else [1.0, 2.0, 3.0])
    data = None
    start = time.perf_counter()
    ends = np.array([[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]])
    append_lines(str(out), None, columns, ends - 1, ends)
    return {"compile_or_load_s": round(time.perf_counter() - start, 2)}


# each side: what it runs and its environment; without numba as in Debian's or OSGeo4W's QGIS
SIDES = {
    "warmup": (run_warmup, {}),
    "plugin": (run_plugin, {}),
    "plugin_without_numba": (run_plugin, {"SYMBIOSIS_NO_NUMBA": "1"}),
    "core": (run_core, {}),
    "qgis": (run_qgis, {}),
    "geopandas": (run_geopandas, {}),
}


def child(kind):
    from symbiosis_qgis.core.compiled import njit

    result = SIDES[kind][0]()
    result["numba"] = njit is not None
    result["peak_rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
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
    out = subprocess.run([sys.executable, __file__, kind], capture_output=True, text=True, env=env)
    if out.returncode != 0:
        raise RuntimeError(f"{kind} failed:\n{out.stderr[-3000:]}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def main(sides=None):
    write_data()
    sides = sides or list(SIDES)
    summary = {"cores": os.cpu_count(), "enterprises": N, "load_average_at_start": os.getloadavg()}
    for kind in sides:
        load = os.getloadavg()  # the machine is shared: what ran beside each side
        try:
            summary[kind] = run_child(kind)
            summary[kind]["load_average_before"] = load
        except RuntimeError as err:  # one side failing must not lose the others' figures
            summary[f"{kind}_error"] = str(err)[-1500:]
        print(kind, json.dumps(summary.get(kind)), flush=True)
    for side in ("plugin", "plugin_without_numba"):
        if side not in summary:
            continue
        plugin = summary[side]["total_s"]
        mine = output_pairs(summary[side]["output"])
        for kind in ("qgis", "geopandas"):
            if kind in summary:
                summary[f"{side}_speedup_vs_{kind}"] = round(summary[kind]["total_s"] / plugin, 1)
                theirs = output_pairs(summary[kind]["output"])
                summary[f"{kind}_pairs_missing_vs_{side}"] = len(mine - theirs)
                summary[f"{kind}_pairs_extra_vs_{side}"] = len(theirs - mine)
    summary["load_average_at_end"] = os.getloadavg()
    out = ROOT / "bench" / "results"
    out.mkdir(parents=True, exist_ok=True)
    (out / "candidates.json").write_text(json.dumps(summary, indent=2))
    print(json.dumps(summary, indent=2))
    return summary


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] in SIDES:
        child(sys.argv[1])
    else:
        main(sys.argv[1:])
