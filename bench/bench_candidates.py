"""Partner-candidate search: core.find_candidates against what users would otherwise write.

For 10k and 100k generated enterprises (one flow each: 40% supply fly ash, 60% demand for a
concrete addition, spread over 600 x 600 km in UTM 45N, radius 10 km), times in one run:
  core      symbiosis_qgis.core.candidates.find_candidates, planar metres (same semantics as
            the two below; its KD-tree search on every core, and on one thread) and, for
            information, on the WGS 84 ellipsoid;
  sjoin     geopandas: buffer every supplier, sjoin(predicate="intersects") with consumers;
  qgis      a PyQGIS loop: QgsSpatialIndex of consumers, bounding-box query per supplier,
            exact distance check.
Each is timed on the call that produces its result (best of 5 runs for core, whose first run
mostly pays for fresh memory pages; 3 for sjoin; 2 for the slow QGIS loop); sets are built after.
Pair sets are compared: core == qgis exactly; sjoin loses the pairs between the buffer's
inscribed polygon and the true circle, and every pair it lost is checked to lie in that band.
"""

import json
import math
import sys
import time
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
from pyproj import Transformer

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from symbiosis_qgis.core.candidates import LONLAT, PLANAR, TOLERANCE_M, find_candidates  # noqa: E402

RADIUS_M = 10_000.0
EXTENT_M = 600_000.0
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


def generate(n, seed=42):
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


def timed(fn, repeats):
    """Best of ``repeats`` wall times (the first run also pays for fresh memory pages)."""
    best = float("inf")
    for _ in range(repeats):
        start = time.perf_counter()
        result = fn()
        best = min(best, time.perf_counter() - start)
    return result, best


def to_lonlat(ents):
    lon, lat = Transformer.from_crs(32645, 4326, always_xy=True).transform(
        ents["x"].to_numpy(), ents["y"].to_numpy()
    )
    return ents.assign(x=lon, y=lat)


def run_core(ents, flows, coords, workers=None):
    return find_candidates(ents, flows, RULES, coords=coords, workers=workers)[0]


def run_sjoin(ents, flows):
    gdf = gpd.GeoDataFrame(
        flows.merge(ents, on="ent_id"),
        geometry=gpd.points_from_xy(ents["x"], ents["y"]),
        crs=32645,
    )
    suppliers = gdf[gdf["direction"] == "supply"]
    consumers = gdf[gdf["direction"] == "demand"]
    reach = suppliers.copy()
    reach["geometry"] = suppliers.buffer(RADIUS_M)
    return gpd.sjoin(reach, consumers, predicate="intersects")


def run_qgis(ents, flows):
    from qgis.core import QgsFeature, QgsGeometry, QgsPointXY, QgsRectangle, QgsSpatialIndex

    table = flows.merge(ents, on="ent_id")
    suppliers = table[table["direction"] == "supply"]
    consumers = table[table["direction"] == "demand"]
    index = QgsSpatialIndex()
    points = {}
    for fid, row in enumerate(consumers.itertuples()):
        feature = QgsFeature(fid)
        point = QgsPointXY(row.x, row.y)
        feature.setGeometry(QgsGeometry.fromPointXY(point))
        index.addFeature(feature)
        points[fid] = (point, row.flow_id)
    pairs = []
    r2 = (RADIUS_M + TOLERANCE_M) ** 2
    for row in suppliers.itertuples():
        here = QgsPointXY(row.x, row.y)
        box = QgsRectangle(row.x - RADIUS_M, row.y - RADIUS_M, row.x + RADIUS_M, row.y + RADIUS_M)
        for fid in index.intersects(box):
            point, flow_id = points[fid]
            if here.sqrDist(point) <= r2:  # radius + 1 mm, as documented in core
                pairs.append((row.flow_id, flow_id))
    return pairs


def lost_pairs_in_buffer_band(lost, ents, flows):
    """True when every pair sjoin lost lies between the 64-gon and the circle."""
    if not lost:
        return True
    pos = flows.merge(ents, on="ent_id").set_index("flow_id")
    s = pos.loc[[a for a, _ in lost]]
    d = pos.loc[[b for _, b in lost]]
    dist = np.hypot(s["x"].to_numpy() - d["x"].to_numpy(), s["y"].to_numpy() - d["y"].to_numpy())
    inner = RADIUS_M * math.cos(math.pi / 64)  # buffer(): 16 segments per quarter circle
    return bool(((dist >= inner - 1e-6) & (dist <= RADIUS_M + TOLERANCE_M)).all())


def bench(n):
    ents, flows = generate(n)
    core, t_core = timed(lambda: run_core(ents, flows, PLANAR), 5)
    _, t_core_1 = timed(lambda: run_core(ents, flows, PLANAR, workers=1), 5)
    ents_lonlat = to_lonlat(ents)
    _, t_core_geo = timed(lambda: run_core(ents_lonlat, flows, LONLAT), 3)
    joined, t_sjoin = timed(lambda: run_sjoin(ents, flows), 3)
    qgis, t_qgis = timed(lambda: run_qgis(ents, flows), 2)
    core_pairs = set(zip(core["supply_flow"], core["demand_flow"]))
    sjoin_pairs = set(zip(joined["flow_id_left"], joined["flow_id_right"]))
    qgis_pairs = set(qgis)
    lost = core_pairs - sjoin_pairs
    return {
        "enterprises": n,
        "pairs": len(core_pairs),
        "core_s": round(t_core, 3),
        "core_1_thread_s": round(t_core_1, 3),
        "core_ellipsoid_s": round(t_core_geo, 3),
        "sjoin_s": round(t_sjoin, 3),
        "qgis_index_s": round(t_qgis, 3),
        "sjoin_over_core": round(t_sjoin / t_core, 1),
        "sjoin_over_core_1_thread": round(t_sjoin / t_core_1, 1),
        "qgis_over_core": round(t_qgis / t_core, 1),
        "core_equals_qgis": core_pairs == qgis_pairs,
        "sjoin_extra_pairs": len(sjoin_pairs - core_pairs),
        "sjoin_lost_pairs": len(lost),
        "sjoin_lost_all_in_buffer_band": lost_pairs_in_buffer_band(lost, ents, flows),
    }


def main(sizes=(10_000, 100_000)):
    from qgis.core import QgsApplication

    app = QgsApplication([], False)
    app.initQgis()
    results = [bench(n) for n in sizes]
    out = ROOT / "bench" / "results"
    out.mkdir(parents=True, exist_ok=True)
    (out / "candidates.json").write_text(json.dumps(results, indent=2))
    print(pd.DataFrame(results).T.to_string(header=False))
    app.exitQgis()
    return results


if __name__ == "__main__":
    main()
