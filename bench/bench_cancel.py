"""Cancel latency of every algorithm (issue 12): how long after Cancel processing.run returns.

Each algorithm runs through processing.run on large generated GeoPackages (40,000
enterprises in UTM 45N, one flow each, 50,000 links / exchanges between near pairs, 120,000
candidates, a 200 x 200 km road grid), in a process of its own (a fresh QGIS, and a hard
timeout when an algorithm never returns). First a profile run, not canceled, times the
algorithm's stages (its progress texts); then a timer thread cancels its QgsProcessingFeedback
1 s after the start, and in further runs in the middle of every stage longer than 1 s.
Reported per run:
  requested_s     when the cancel was due;
  called_s        when feedback.cancel() really ran (later when the algorithm holds the GIL);
  returned_s      when processing.run returned or raised;
  stage, progress the algorithm's progress text and percentage when the cancel ran;
  latency_s       returned_s - called_s: the time the algorithm took to honour the cancel;
  outcome         "returned", "raised: <message>", or "finished before the cancel".
Results: bench/results/cancel.json. Not a test: nothing here asserts a time.

    python bench/bench_cancel.py                 # every algorithm (about 30 min on 2 cores)
    python bench/bench_cancel.py drawdiagram_schematic validatedata
"""

import json
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))
TMP = Path("/tmp/symbiosis_bench_cancel")
DATA = TMP / "cancel_bench.gpkg"
RESULTS = ROOT / "bench" / "results" / "cancel.json"

FIRST_CANCEL_S = 1.0  # the first cancel; then one in the middle of every long stage
MIN_STAGE_S = 1.0  # stages shorter than this are not aimed at
FIRST_STAGE = "(before the first progress text)"
TIMEOUT_S = 600  # a run that has not returned this long after its start is reported as such
PROFILE_TIMEOUT_S = 900
N_ENTERPRISES = 40_000
N_LINKS = 50_000
N_CANDIDATES = 120_000
EXTENT_M = 200_000.0
X0, Y0 = 350_000.0, 5_850_000.0  # UTM 45N, the Kuzbass coal basin
ROAD_SPACING_M = 2_000.0
CRS_EPSG = 32645
SUPPLY_SHARE = 0.4
NODES = ["Novokuznetsk", "Kemerovo", "Belovo", "Prokopyevsk"]


# ---------------------------------------------------------------------------------------------
# data


def generate(seed=12):
    """Write every layer to DATA (once: later runs reuse it)."""
    from osgeo import ogr, osr
    from scipy.spatial import cKDTree

    ogr.UseExceptions()
    if DATA.exists():
        return
    TMP.mkdir(parents=True, exist_ok=True)
    rng = np.random.default_rng(seed)
    n = N_ENTERPRISES
    x = X0 + rng.random(n) * EXTENT_M
    y = Y0 + rng.random(n) * EXTENT_M
    supply = rng.random(n) < SUPPLY_SHARE
    quantity = rng.integers(1_000, 100_000, n)
    price = np.where(supply, rng.integers(100, 500, n), rng.integers(500, 2_000, n))
    ent_ids = [f"E{i}" for i in range(n)]
    flow_ids = [f"F{i}" for i in range(n)]
    node = [
        NODES[int(2 * (a - X0) // EXTENT_M) * 2 + int(2 * (b - Y0) // EXTENT_M)]
        for a, b in zip(x, y)
    ]
    # links: every supply to its nearest demands, as many as N_LINKS (N_CANDIDATES for the
    # candidate layer that networklinks routes)
    s_idx, d_idx = np.flatnonzero(supply), np.flatnonzero(~supply)
    tree = cKDTree(np.c_[x[d_idx], y[d_idx]])
    per_supply = int(np.ceil(N_CANDIDATES / len(s_idx)))
    dist, near = tree.query(np.c_[x[s_idx], y[s_idx]], k=per_supply)
    pairs_s = np.repeat(s_idx, per_supply)[:N_CANDIDATES]
    pairs_d = d_idx[near.ravel()][:N_CANDIDATES]
    pair_km = dist.ravel()[:N_CANDIDATES] / 1000.0

    srs = osr.SpatialReference()
    srs.ImportFromEPSG(CRS_EPSG)
    ds = ogr.GetDriverByName("GPKG").CreateDataSource(str(DATA))

    def layer(name, geom_type, fields, rows, geoms=None):
        lyr = ds.CreateLayer(
            name, srs=srs if geom_type != ogr.wkbNone else None, geom_type=geom_type
        )
        for field_name, kind in fields:
            lyr.CreateField(ogr.FieldDefn(field_name, kind))
        lyr.StartTransaction()
        definition = lyr.GetLayerDefn()
        for k, row in enumerate(rows):
            feature = ogr.Feature(definition)
            for (field_name, _), value in zip(fields, row):
                feature.SetField(field_name, value)
            if geoms is not None:
                feature.SetGeometry(geoms(k))
            lyr.CreateFeature(feature)
        lyr.CommitTransaction()

    def point(k):
        geom = ogr.Geometry(ogr.wkbPoint)
        geom.AddPoint_2D(float(x[k]), float(y[k]))
        return geom

    def line(a, b):
        geom = ogr.Geometry(ogr.wkbLineString)
        geom.AddPoint_2D(float(x[a]), float(y[a]))
        geom.AddPoint_2D(float(x[b]), float(y[b]))
        return geom

    S, R, I = ogr.OFTString, ogr.OFTReal, ogr.OFTInteger64  # noqa: E741, N806
    layer(
        "enterprises",
        ogr.wkbPoint,
        [("ent_id", S), ("name", S), ("name_ru", S), ("sector", S), ("node", S)],
        (
            (
                ent_ids[k],
                f"Plant {k}",
                f"Завод {k}",
                "coal_power_plant" if supply[k] else "concrete",
                node[k],
            )
            for k in range(n)
        ),
        point,
    )
    layer(
        "flows",
        ogr.wkbNone,
        [
            ("flow_id", S),
            ("ent_id", S),
            ("direction", S),
            ("material", S),
            ("quantity", I),
            ("unit", S),
            ("price", I),
        ],
        (
            (
                flow_ids[k],
                ent_ids[k],
                "supply" if supply[k] else "demand",
                "fly_ash" if supply[k] else "concrete_addition",
                int(quantity[k]),
                "t/yr",
                int(price[k]),
            )
            for k in range(n)
        ),
    )
    candidate_fields = [
        ("cand_id", I),
        ("supply_ent", S),
        ("demand_ent", S),
        ("supply_flow", S),
        ("demand_flow", S),
        ("supply_mat", S),
        ("demand_mat", S),
        ("rule_id", S),
        ("dist_km", R),
        ("potential", R),
        ("unit", S),
    ]

    def candidate_row(k):
        a, b = pairs_s[k], pairs_d[k]
        return (
            k,
            ent_ids[a],
            ent_ids[b],
            flow_ids[a],
            flow_ids[b],
            "fly_ash",
            "concrete_addition",
            "R02",
            float(pair_km[k]),
            float(min(quantity[a], quantity[b])),
            "t/yr",
        )

    def pair_line(k):
        return line(pairs_s[k], pairs_d[k])

    layer(
        "candidates",
        ogr.wkbLineString,
        candidate_fields,
        (candidate_row(k) for k in range(N_CANDIDATES)),
        pair_line,
    )
    link_fields = candidate_fields + [("cost_t", R), ("net_km", R), ("reachable", I)]
    layer(
        "links",
        ogr.wkbLineString,
        link_fields,
        (candidate_row(k) + (6.0 * 1.3 * pair_km[k], 1.3 * pair_km[k], 1) for k in range(N_LINKS)),
        pair_line,
    )
    exchange_fields = candidate_fields + [
        ("tonnage", R),
        ("delivered", R),
        ("net_km", R),
        ("co2_avoided", R),
        ("transport_cost", R),
    ]
    layer(
        "exchanges",
        ogr.wkbLineString,
        exchange_fields,
        (
            candidate_row(k)
            + (float(min(quantity[pairs_s[k]], quantity[pairs_d[k]])) / 4,) * 2
            + (1.3 * pair_km[k], 100.0, 1_000.0)
            for k in range(N_LINKS)
        ),
        pair_line,
    )
    # roads: a grid whose lines share a vertex at every crossing, so the graph is connected
    ticks = np.arange(0.0, EXTENT_M + 1, ROAD_SPACING_M)
    road_lines = []
    for t in ticks:
        road_lines.append([(X0 + t, Y0 + u) for u in ticks])
        road_lines.append([(X0 + u, Y0 + t) for u in ticks])

    def road(k):
        geom = ogr.Geometry(ogr.wkbLineString)
        for a, b in road_lines[k]:
            geom.AddPoint_2D(a, b)
        return geom

    layer("roads", ogr.wkbLineString, [("class", S)], (("primary",) for _ in road_lines), road)
    ds = None


# ---------------------------------------------------------------------------------------------
# one algorithm, in a process of its own


def src(name):
    return f"{DATA}|layername={name}"


def parameters(case, out):
    """Processing parameters of each measured run (outputs in the folder ``out``)."""
    tmp = "TEMPORARY_OUTPUT"
    flows = {"FLOWS": src("flows")}
    ents = {"ENTERPRISES": src("enterprises")}
    return {
        "validatedata": ("validatedata", {**ents, **flows, "OUTPUT": tmp}),
        "findcandidates": ("findcandidates", {**ents, **flows, "DISTANCE": 2500, "OUTPUT": tmp}),
        "networklinks": (
            "networklinks",
            {"CANDIDATES": src("candidates"), **ents, "ROADS": src("roads"), "OUTPUT": tmp},
        ),
        "optimizeexchanges": (
            "optimizeexchanges",
            {"LINKS": src("links"), **flows, "OUTPUT": tmp},
        ),
        "assessbenefits": (
            "assessbenefits",
            {
                "EXCHANGES": src("exchanges"),
                **ents,
                **flows,
                "OUTPUT_ENTERPRISES": tmp,
                "OUTPUT_NODES": tmp,
                "OUTPUT_BALANCE": tmp,
                "REPORT": str(out / "report.html"),
            },
        ),
        "policyscenarios": ("policyscenarios", {"LINKS": src("links"), **flows, "OUTPUT": tmp}),
        "drawdiagram_geographic": (
            "drawdiagram",
            {"LINKS": src("exchanges"), **ents, "MODE": 0, "OUTPUT": tmp, "OUTPUT_NODES": tmp},
        ),
        "drawdiagram_schematic": (
            "drawdiagram",
            {"LINKS": src("exchanges"), **ents, "MODE": 1, "OUTPUT": tmp, "OUTPUT_NODES": tmp},
        ),
        "exportmap": (
            "exportmap",
            {
                "ARROWS": src("exchanges"),
                "NODES": src("enterprises"),
                "OUTPUT_PDF": str(out / "map.pdf"),
            },
        ),
    }[case]


def measure_one(case, after_s):
    """Run ``case``, canceled ``after_s`` seconds after its start (never when ``after_s`` is
    negative: a profile of its stages); print one JSON line."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ.setdefault("PROJ_LIB", "/usr/share/proj")
    from qgis_session import start_processing, start_qgis

    processing = start_processing()
    app = start_qgis()
    from qgis.core import QgsProcessingException, QgsProcessingFeedback

    out = TMP / "out" / case
    out.mkdir(parents=True, exist_ok=True)
    alg, params = parameters(case, out)
    start = time.perf_counter()

    class Feedback(QgsProcessingFeedback):
        stage = FIRST_STAGE
        stages = [(FIRST_STAGE, 0.0)]

        def setProgressText(self, text):
            self.stage = text
            self.stages.append((text, time.perf_counter() - start))
            super().setProgressText(text)

    feedback = Feedback()
    called = {}

    def cancel():
        called.update(stage=feedback.stage, progress=round(feedback.progress(), 1))
        feedback.cancel()
        called["s"] = time.perf_counter() - start

    timer = threading.Timer(after_s, cancel) if after_s >= 0 else None
    if timer is not None:
        timer.start()
    try:
        processing.run(f"symbiosis:{alg}", params, feedback=feedback)
        outcome = "returned"
    except QgsProcessingException as err:
        text = str(err)
        outcome = f"raised: {text if len(text) < 400 else text[:200] + ' ... ' + text[-200:]}"
    returned = time.perf_counter() - start
    if timer is not None:
        timer.cancel()
    record = {"case": case, "algorithm": f"symbiosis:{alg}", "returned_s": round(returned, 2)}
    if timer is None:
        ends = [t for _, t in feedback.stages[1:]] + [returned]
        record.update(
            outcome=f"profile (not canceled): {outcome}",
            stages=[
                {"stage": name, "start_s": round(t, 2), "duration_s": round(end - t, 2)}
                for (name, t), end in zip(feedback.stages, ends)
            ],
        )
    elif "s" not in called:
        record.update(outcome="finished before the cancel", requested_s=after_s)
    else:
        record.update(
            outcome=outcome,
            requested_s=after_s,
            called_s=round(called["s"], 2),
            latency_s=round(returned - called["s"], 2),
            stage=called["stage"],
            progress=called["progress"],
        )
    print("RESULT " + json.dumps(record, ensure_ascii=False), flush=True)
    app.exitQgis()
    os._exit(0)  # QGIS objects left to the interpreter's exit may crash it (see conftest)


def run_one(case, after_s, timeout_s):
    """``measure_one`` in a process of its own; its record, or what went wrong."""
    record = {"case": case, "requested_s": after_s}
    try:
        proc = subprocess.run(
            [sys.executable, __file__, "--one", case, str(after_s)],
            capture_output=True,
            text=True,
            timeout=timeout_s,
        )
    except subprocess.TimeoutExpired:
        return dict(record, outcome=f"not returned {timeout_s} s after its start")
    lines = [ln for ln in proc.stdout.splitlines() if ln.startswith("RESULT ")]
    if not lines:
        return dict(record, outcome=f"failed: {proc.stderr[-500:]}")
    return json.loads(lines[-1][len("RESULT ") :])


def cancel_points(profile):
    """1 s, and the middle of every stage of the profile that lasts long enough to aim at."""
    points = [FIRST_CANCEL_S]
    for stage in profile.get("stages", []):
        if stage["duration_s"] >= MIN_STAGE_S:
            middle = round(stage["start_s"] + stage["duration_s"] / 2, 1)
            if all(abs(middle - p) > 0.5 for p in points):
                points.append(middle)
    return points


CASES = [
    "validatedata",
    "findcandidates",
    "networklinks",
    "optimizeexchanges",
    "assessbenefits",
    "policyscenarios",
    "drawdiagram_geographic",
    "drawdiagram_schematic",
    "exportmap",
]


def main(cases=None):
    start = time.perf_counter()
    generate()
    generated_s = time.perf_counter() - start
    results = []
    for case in cases or CASES:
        print(f"-- {case}: profile", flush=True)
        profile = run_one(case, -1, PROFILE_TIMEOUT_S)
        print(json.dumps(profile, ensure_ascii=False), flush=True)
        results.append(profile)
        for after_s in cancel_points(profile):
            print(f"-- {case}: cancel after {after_s} s", flush=True)
            record = run_one(case, after_s, TIMEOUT_S)
            print(json.dumps(record, ensure_ascii=False), flush=True)
            results.append(record)
    summary = {
        "cores": os.cpu_count(),
        "load_average_at_end": [round(v, 1) for v in os.getloadavg()],
        "data": {
            "enterprises": N_ENTERPRISES,
            "flows": N_ENTERPRISES,
            "links_and_exchanges": N_LINKS,
            "candidates": N_CANDIDATES,
            "road_grid_km": f"{EXTENT_M / 1000:.0f} x {EXTENT_M / 1000:.0f}, "
            f"every {ROAD_SPACING_M / 1000:.0f} km",
        },
        "generation_s": round(generated_s, 1),
        "results": results,
    }
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    if RESULTS.exists() and cases:  # a partial run updates the cases it measured
        previous = json.loads(RESULTS.read_text())
        kept = [r for r in previous.get("results", []) if r["case"] not in set(cases)]
        summary["results"] = kept + results
    RESULTS.write_text(json.dumps(summary, indent=2, ensure_ascii=False))
    return summary


if __name__ == "__main__":
    if sys.argv[1:2] == ["--one"]:
        measure_one(sys.argv[2], float(sys.argv[3]))
    else:
        main(sys.argv[1:] or None)
