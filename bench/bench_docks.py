"""The explorer dock on a large region (issue 20): how long the main window freezes and how
long Cancel takes.

The sample's enterprises are copied with their flows to N_ENTERPRISES places scattered over
the sample's extent (Kuzbass, UTM 45N), so materials, rules and roads are the real ones; the
sample's roads, railways and terminals route the links. The dock runs "Run analysis" as a user
does, in a QGIS application with an event loop (run under xvfb-run). Reported:
  task_s           from Run analysis to the dock's done handler (the task's thread);
  done_handler_s   the main-thread work after the task: opening the written tables;
  longest_freeze_s the longest gap between the ticks of a 20 ms main-thread timer during the
                   whole run: what a user feels as a frozen window;
  cancel runs      Cancel pressed once the task's progress first passes a stage's share;
                   latency_s from cancel() to the dock's done handler;
  writing_s        from "exchanges chosen" to "candidates written": the result tables.
Results: bench/results/docks.json (docks_<n>.json for another size). Not a test: nothing here
asserts a time.

    xvfb-run -a .venv/bin/python bench/bench_docks.py [n_enterprises]
"""

import json
import os
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.append("/usr/share/qgis/python/plugins")
os.environ.setdefault("PROJ_LIB", "/usr/share/proj")
N_ENTERPRISES = int(sys.argv[1]) if len(sys.argv) > 1 else 5_000
RESULT_NAME = "docks.json" if N_ENTERPRISES == 5_000 else f"docks_{N_ENTERPRISES}.json"
RESULTS = ROOT / "bench" / "results" / RESULT_NAME
CANCEL_AT = [5, 25, 50, 75, 85, 96]  # progress (%) at which Cancel is pressed; 96: in bulk
# the task's progress marks (gui/pipeline_task.py, gui/results.py) and what ends there
STAGES = {
    5: "layers read",
    20: "candidates found",
    70: "routes found",
    80: "exchanges chosen",
    82: "exchanges written",
    86: "diagram written",
    92: "links written",
    100: "candidates written",
}


class Iface:
    """What the explorer asks of QgisInterface."""

    def __init__(self, canvas):
        self._canvas = canvas

    def mapCanvas(self):
        return self._canvas


def synthetic_layers(project, n, seed=20):
    """Enterprises (copies of the sample's, scattered) and their flows as memory layers."""
    from qgis.core import QgsFeature, QgsGeometry, QgsPointXY, QgsVectorLayer

    from symbiosis_qgis.sample_project import by_table, load_sample_layers

    sample = by_table(load_sample_layers(project))  # layer names follow the UI language
    ents = list(sample["enterprises"].getFeatures())
    flows_by_ent = {}
    for flow in sample["flows"].getFeatures():
        flows_by_ent.setdefault(flow["ent_id"], []).append(flow)
    extent = sample["enterprises"].extent()
    rng = np.random.default_rng(seed)
    ent_layer = sample["enterprises"].materialize(_none_request())
    ent_layer.setName("synthetic enterprises")
    flow_layer = QgsVectorLayer("None", "synthetic flows", "memory")
    flow_layer.dataProvider().addAttributes(sample["flows"].fields().toList())
    flow_layer.updateFields()
    new_ents, new_flows = [], []
    for k in range(n):
        template = ents[rng.integers(len(ents))]
        ent_id = f"S{k:05d}"
        feature = QgsFeature(ent_layer.fields())
        feature.setAttributes(template.attributes())
        feature["ent_id"] = ent_id
        x = extent.xMinimum() + rng.random() * extent.width()
        y = extent.yMinimum() + rng.random() * extent.height()
        feature.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(x, y)))
        new_ents.append(feature)
        for j, flow in enumerate(flows_by_ent.get(template["ent_id"], [])):
            copy = QgsFeature(flow_layer.fields())
            copy.setAttributes(flow.attributes())
            copy["ent_id"] = ent_id
            copy["flow_id"] = f"{ent_id}_{j}"
            new_flows.append(copy)
    ent_layer.dataProvider().addFeatures(new_ents)
    flow_layer.dataProvider().addFeatures(new_flows)
    project.addMapLayers([ent_layer, flow_layer])
    return sample, ent_layer, flow_layer


def _none_request():
    from qgis.core import QgsFeatureRequest

    return QgsFeatureRequest().setFilterFid(-1)  # the fields and CRS, no features


def run_once(app, explorer, cancel_at=None):
    """One run; returns the timings (and the stage it was canceled in)."""
    from qgis.PyQt.QtCore import Qt, QTimer

    ticks = [time.perf_counter()]
    timer = QTimer()
    timer.setInterval(20)
    timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
    done = {}
    original = explorer._analysis_done

    def timed_done(task, ok):
        done["entered"] = time.perf_counter()
        original(task, ok)
        done["left"] = time.perf_counter()
        done["ok"] = ok

    explorer._analysis_done = timed_done
    canceled = {}
    start = time.perf_counter()
    timer.start()
    explorer.run_analysis()
    task = explorer.task
    reached = {}  # progress mark -> seconds since Run analysis, when first reached

    def mark(progress):  # in the reporting thread: only records a time
        for stage in STAGES:
            if progress >= stage and stage not in reached:
                reached[stage] = round(time.perf_counter() - start, 2)

    task.progressChanged.connect(mark, Qt.DirectConnection)
    if cancel_at is not None:

        def maybe_cancel(progress):  # in the task's thread
            if not canceled and progress >= cancel_at:
                canceled["at"] = time.perf_counter()
                canceled["progress"] = float(progress)
                task.cancel()

        task.progressChanged.connect(maybe_cancel, Qt.DirectConnection)
    while "left" not in done:
        app.processEvents()
        time.sleep(0.002)
    ticks.append(time.perf_counter())
    timer.stop()
    explorer._analysis_done = original
    gaps = np.diff(ticks)
    out = {
        "task_s": round(done["entered"] - start, 2),
        "done_handler_s": round(done["left"] - done["entered"], 3),
        "longest_freeze_s": round(float(gaps.max()), 3),
        "finished": bool(done["ok"]),
        "status": explorer.status.text(),
        "progress_reached_s": {STAGES[k]: v for k, v in sorted(reached.items())},
    }
    if 80 in reached and 100 in reached:
        out["writing_s"] = round(reached[100] - reached[80], 2)
    if canceled:
        out["cancel_at_progress"] = canceled["progress"]
        out["latency_s"] = round(done["entered"] - canceled["at"], 3)
    return out


def main():
    from qgis.core import QgsApplication, QgsProject
    from qgis.gui import QgsMapCanvas

    app = QgsApplication([], True)
    app.initQgis()
    from symbiosis_qgis.gui.explorer_dock import SymbiosisExplorerDock

    project = QgsProject.instance()
    project.write(str(Path(tempfile.mkdtemp()) / "bench_docks.qgz"))  # results next to it
    t0 = time.perf_counter()
    sample, ents, flows = synthetic_layers(project, N_ENTERPRISES)
    generation_s = time.perf_counter() - t0
    canvas = QgsMapCanvas()
    explorer = SymbiosisExplorerDock(Iface(canvas))
    explorer.enterprises_combo.setLayer(ents)
    explorer.flows_combo.setLayer(flows)
    explorer.roads_combo.setLayer(sample["roads"])
    explorer.rails_combo.setLayer(sample["rails"])
    explorer.terminals_combo.setLayer(sample["terminals"])
    explorer.show()
    runs = [dict(case="full run", **run_once(app, explorer))]
    print(runs[-1], flush=True)
    counts = {
        layer.name(): layer.featureCount()
        for layer in project.mapLayers().values()
        if layer.customProperty("symbiosis_qgis/result")
    }
    for share in CANCEL_AT:
        runs.append(dict(case=f"cancel at {share}%", **run_once(app, explorer, share)))
        print(runs[-1], flush=True)
    report = {
        "cores": os.cpu_count(),
        "load_average_at_end": [round(v, 2) for v in os.getloadavg()],
        "data": {"enterprises": ents.featureCount(), "flows": flows.featureCount()},
        "result_layers": counts,
        "generation_s": round(generation_s, 2),
        "runs": runs,
    }
    RESULTS.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n")
    explorer.cleanup()
    print(json.dumps(report, indent=2, ensure_ascii=False), flush=True)
    # a standalone PyQGIS script can crash tearing down canvas and layers at exit: the
    # figures are written, leave without the teardown
    os._exit(0)


if __name__ == "__main__":
    main()
