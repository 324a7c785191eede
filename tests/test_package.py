"""`make package` builds a zip that plugins.qgis.org accepts, and the real QGIS loads it."""

import configparser
import json
import os
import re
import subprocess
import zipfile
from pathlib import Path

import pytest

from .conftest import ROOT

PLUGIN = "symbiosis_qgis"
REQUIRED_METADATA = [
    "name",
    "qgisMinimumVersion",
    "description",
    "about",
    "version",
    "author",
    "email",
    "tracker",
    "repository",
    "tags",
    "category",
    "icon",
    "hasProcessingProvider",
    "changelog",
]


@pytest.fixture(scope="module")
def package_zip():
    subprocess.run(["make", "-s", "package"], cwd=ROOT, check=True, capture_output=True)
    return ROOT / "dist" / f"{PLUGIN}.zip"


def test_zip_layout(package_zip):
    with zipfile.ZipFile(package_zip) as zf:
        names = zf.namelist()
    assert {n.split("/")[0] for n in names} == {PLUGIN}
    for required in [
        "__init__.py",
        "metadata.txt",
        "LICENSE",
        "plugin.py",
        "core/validation.py",
        "processing/provider.py",
        "resources/materials.csv",
        "resources/synergies.csv",
        "resources/icons/symbiosis.svg",
        "resources/styles/enterprises.qml",
        "i18n/symbiosis_qgis_ru.qm",
        "sample_layers/kuzbass.gpkg",
        "sample_layers/README.md",
    ]:
        assert f"{PLUGIN}/{required}" in names, required
    forbidden = re.compile(r"(\.pyc$|__pycache__|\.git/|/tests/|\.ts$|__MACOSX)")
    assert [n for n in names if forbidden.search(n)] == []


def test_metadata_meets_repository_rules(package_zip):
    with zipfile.ZipFile(package_zip) as zf:
        text = zf.read(f"{PLUGIN}/metadata.txt").decode("utf-8")
        names = zf.namelist()
    meta = configparser.ConfigParser()
    meta.read_string(text)
    general = meta["general"]
    for key in REQUIRED_METADATA:
        assert general.get(key, "").strip(), key
    assert general["qgisMinimumVersion"] == "3.22"
    assert general["hasProcessingProvider"] == "yes"
    assert re.fullmatch(r"\d+\.\d+\.\d+", general["version"])
    assert re.fullmatch(r"[^@\s]+@[^@\s]+\.[a-z]+", general["email"])
    for key in ("tracker", "repository", "homepage"):
        assert general[key].startswith("https://"), key
        assert "example" not in general[key], key
    assert f"{PLUGIN}/{general['icon']}" in names
    licence = (ROOT / "LICENSE").read_text()
    assert "GNU GENERAL PUBLIC LICENSE" in licence and "Version 2" in licence


EXPECTED_UI = {
    "en": ("&Industrial symbiosis", "exchanges"),
    "ru": ("&Промышленный симбиоз", "обменов"),
}


@pytest.mark.slow
@pytest.mark.parametrize("locale", ["en", "ru"])
def test_real_qgis_loads_packaged_plugin(package_zip, tmp_path, artifacts_dir, locale):
    """Unzip into a fresh profile, enable, start the real qgis under Xvfb, look, quit."""
    root = tmp_path / "qgis_root"  # QGIS keeps profiles in <root>/profiles/<name>
    profile = root / "profiles" / "smoke"
    plugins_dir = profile / "python" / "plugins"
    plugins_dir.mkdir(parents=True)
    with zipfile.ZipFile(package_zip) as zf:
        zf.extractall(plugins_dir)
    settings_dir = profile / "QGIS"
    settings_dir.mkdir(parents=True)
    (settings_dir / "QGIS3.ini").write_text(
        "[PythonPlugins]\nsymbiosis_qgis=true\n"
        "[qgis]\nshowTips322=false\ncheckVersion=false\n"
        f"[locale]\noverrideFlag=true\nuserLocale={locale}\n"
        "[core]\nNewsFeed\\httpsfeedqgisorg\\disabled=true\n"
    )
    report = tmp_path / "report.json"
    screenshot = artifacts_dir / (
        "qgis_main_window.png" if locale == "en" else f"qgis_main_window_{locale}.png"
    )
    script = tmp_path / "smoke.py"
    script.write_text(SMOKE_SCRIPT.format(report=str(report), screenshot=str(screenshot)))
    env = dict(os.environ, QT_QPA_PLATFORM="xcb")
    assert env.get("DISPLAY"), "run under Xvfb (make test does)"
    proc = subprocess.run(
        [
            "qgis",
            "--profiles-path",
            str(root),
            "--profile",
            "smoke",
            "--nologo",
            "--noversioncheck",
            "--code",
            str(script),
        ],
        env=env,
        capture_output=True,
        text=True,
        timeout=240,
    )
    assert report.exists(), proc.stderr[-3000:]
    result = json.loads(report.read_text())
    assert result["plugin_loaded"] and "error" not in result, result
    menu, word = EXPECTED_UI[locale]
    assert result["menu"] == menu
    assert {"symbiosis:validatedata", "symbiosis:findcandidates"} <= set(result["algorithms"])
    assert result["plugin_path"].startswith(str(plugins_dir))
    assert_shows_a_window(screenshot)
    assert result["exchanges_rows"] > 0 and word in result["explorer_status"]
    assert result["sankey_total"] > 0
    assert result["model_valid"] and len(result["model_children"]) == 7
    near, far = result["batch_counts"]  # batch mode: one row per distance
    assert 0 < near < far
    for dock in ("explorer", "balance"):
        shot = Path(str(screenshot).replace(".png", f"_{dock}.png"))
        assert_shows_a_window(shot, min_width=200)


def assert_shows_a_window(path, min_width=800):
    """A real screen grab: an image of window size with many colours (a blank, black or
    failed grab has one or two)."""
    from qgis.PyQt.QtGui import QImage

    image = QImage(str(path))
    assert not image.isNull(), path
    assert image.width() >= min_width and image.height() >= 150, (image.width(), image.height())
    colours = {
        image.pixel(x, y)
        for x in range(0, image.width(), max(image.width() // 60, 1))
        for y in range(0, image.height(), max(image.height() // 60, 1))
    }
    assert len(colours) > 20, f"{path}: {len(colours)} colours"


SMOKE_SCRIPT = '''
import json
import qgis.utils
from qgis.core import QgsApplication, QgsProject
from qgis.PyQt.QtCore import QTimer
from qgis.utils import iface

state = {{}}


def check():
    try:
        plugin = qgis.utils.plugins.get("symbiosis_qgis")
        provider = QgsApplication.processingRegistry().providerById("symbiosis")
        state["result"] = {{
            "plugin_loaded": plugin is not None and "symbiosis_qgis" in qgis.utils.active_plugins,
            "menu": plugin.menu.title() if plugin is not None and plugin.menu else None,
            "algorithms": [a.id() for a in provider.algorithms()] if provider else [],
            "plugin_path": __import__("symbiosis_qgis").__file__,
        }}
        from symbiosis_qgis.sample_project import by_table, load_sample_layers
        layers = by_table(load_sample_layers())
        iface.mapCanvas().setExtent(layers["enterprises"].extent().buffered(20000))
        explorer = plugin.show_dock("explorer")
        for key in ("enterprises", "flows", "roads", "rails", "terminals"):
            getattr(explorer, key + "_combo").setLayer(layers[key])
        balance = plugin.show_dock("balance")
        balance.enterprises_combo.setLayer(layers["enterprises"])
        balance.flows_combo.setLayer(layers["flows"])
        state.update(plugin=plugin, explorer=explorer, balance=balance, waited=0)
        open_model_builder()
        run_batch(layers)
        explorer.run_analysis()
        QTimer.singleShot(500, wait_for_analysis)
    except Exception as err:  # written to the report so the test shows it
        finish({{"plugin_loaded": False, "error": repr(err)}})


def open_model_builder():
    """The shipped model in the real Model Builder: all steps found, valid, drawn."""
    from processing.modeler.ModelerDialog import ModelerDialog

    registry = QgsApplication.processingRegistry()
    model = registry.algorithmById("symbiosis:symbiosis_full_analysis").create()
    dialog = ModelerDialog.create(model)
    dialog.resize(1400, 800)
    dialog.show()
    opened = dialog.model()
    state["result"]["model_children"] = sorted(
        c.algorithmId() for c in opened.childAlgorithms().values() if c.algorithm() is not None)
    state["result"]["model_valid"] = opened.validate()[0]
    dialog.grab().save({screenshot!r}.replace(".png", "_modeler.png"))
    dialog.close()


def run_batch(layers):
    """findcandidates in the batch dialog: two rows, two distances, two GeoPackages."""
    from processing.gui.BatchAlgorithmDialog import BatchAlgorithmDialog
    from processing.tools import dataobjects
    import sqlite3

    registry = QgsApplication.processingRegistry()
    dialog = BatchAlgorithmDialog(registry.createAlgorithmById("symbiosis:findcandidates"),
                                  iface.mainWindow())
    panel = dialog.mainWidget()
    panel.addRow()
    context = dataobjects.createContext()
    outputs = []
    for row, distance in enumerate([5000, 20000]):
        values = {{"ENTERPRISES": layers["enterprises"].source(),
                   "FLOWS": layers["flows"].source(), "DISTANCE": distance}}
        for name, value in values.items():
            panel.wrappers[row][panel.parameter_to_column[name]].setParameterValue(value,
                                                                                   context)
        path = {report!r}.replace(".json", f"_batch_{{row}}.gpkg")
        column = panel.parameter_to_column["OUTPUT"]
        panel.tblParameters.cellWidget(row + 1, column).setValue(path)
        outputs.append(path)
    panel.checkLoadLayersOnCompletion.setChecked(False)
    dialog.runAlgorithm()
    counts = []
    for path in outputs:
        with sqlite3.connect(path) as db:
            table = db.execute("select table_name from gpkg_contents").fetchone()[0]
            counts.append(db.execute(f'select count(*) from "{{table}}"').fetchone()[0])
    state["result"]["batch_counts"] = counts
    dialog.close()


def wait_for_analysis():
    explorer, balance = state["explorer"], state["balance"]
    state["waited"] += 1
    if explorer.task is not None and state["waited"] < 120:
        QTimer.singleShot(500, wait_for_analysis)
        return
    try:
        explorer.select_enterprise("PP04")
        explorer.tabs.setCurrentWidget(explorer.exchanges_table)
        explorer.exchanges_table.selectRow(0)
        explorer.zoom_to_highlight()
        balance.exchanges_combo.setLayer(explorer.exchanges_combo.currentLayer())
        balance.node_combo.setCurrentIndex(balance.node_combo.findData("Novokuznetsk"))
        state["result"].update(explorer_status=explorer.status.text(),
                               exchanges_rows=explorer.exchanges_table.rowCount(),
                               sankey_total=balance.sankey.total if balance.sankey else 0)
    except Exception as err:
        state["result"]["error"] = repr(err)
    QTimer.singleShot(2500, shoot)


def shoot():
    iface.mainWindow().grab().save({screenshot!r})
    state["explorer"].grab().save({screenshot!r}.replace(".png", "_explorer.png"))
    state["balance"].grab().save({screenshot!r}.replace(".png", "_balance.png"))
    finish(state["result"])


def finish(result):
    with open({report!r}, "w") as handle:
        json.dump(result, handle)
    QgsApplication.exit(0)


def watchdog():
    """A modal message box would block the run: report what was reached and leave."""
    import os
    result = state.get("result", {{}})
    result["error"] = "watchdog: still running after 150 s (a modal dialog?)"
    with open({report!r}, "w") as handle:
        json.dump(result, handle)
    os._exit(1)


iface.mainWindow().showMaximized()
QTimer.singleShot(3000, check)
QTimer.singleShot(150000, watchdog)
'''
