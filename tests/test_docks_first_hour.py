"""The first hour with the docks (issue 20): the right layers out of the box, docks that fit
a 1366 x 768 screen, results that survive save and reopen, readable Sankey labels."""

import threading

import pytest
from osgeo import ogr
from qgis.core import QgsFeatureRequest, QgsProject
from qgis.PyQt.QtCore import QSize, Qt
from qgis.PyQt.QtGui import QFontMetrics, QImage
from qgis.PyQt.QtWidgets import QMainWindow, QWidget

from symbiosis_qgis.gui import results
from symbiosis_qgis.gui.balance_dock import FlowBalanceDock
from symbiosis_qgis.gui.common import RESULT_PROPERTY
from symbiosis_qgis.gui.explorer_dock import SymbiosisExplorerDock
from symbiosis_qgis.sample_project import TABLE_PROPERTY, by_table, load_sample_layers


@pytest.fixture()
def fresh_project():
    project = QgsProject.instance()
    project.clear()
    yield project
    project.clear()


@pytest.fixture()
def open_docks(qgis_iface, qtbot):
    """A function opening both docks (as the plugin's menu does); closed after the test."""
    opened = []

    def open_both(parent=None):
        explorer = SymbiosisExplorerDock(qgis_iface, parent)
        balance = FlowBalanceDock(parent)
        for dock in (explorer, balance):
            if parent is None:
                qtbot.addWidget(dock)
            opened.append(dock)
        return explorer, balance

    yield open_both
    for dock in opened:
        dock.cleanup()


def by_name(layers):
    return by_table(layers)


def assert_picks_sample_layers(dock, sample):
    assert dock.enterprises_combo.currentLayer() is sample["enterprises"]
    assert dock.flows_combo.currentLayer() is sample["flows"]


def test_docks_opened_before_the_sample_pick_enterprises_and_flows(fresh_project, open_docks):
    explorer, balance = open_docks()
    sample = by_name(load_sample_layers())  # "Load Kuzbass sample data" with the docks open
    for dock in (explorer, balance):
        assert_picks_sample_layers(dock, sample)
    assert balance.sankey is not None and balance.sankey.total > 0, balance.status.text()
    explorer.select_enterprise("PP04")
    assert explorer.flows_table.rowCount() > 0, explorer.status.text()


def test_docks_opened_after_the_sample_show_their_pickers(fresh_project, open_docks):
    sample = by_name(load_sample_layers())
    explorer, balance = open_docks()
    for dock in (explorer, balance):
        assert_picks_sample_layers(dock, sample)
        dock.show()
        # a wrong default must be visible to be corrected: no picker in a folded box
        assert dock.enterprises_combo.isVisible() and dock.flows_combo.isVisible()
    assert explorer.roads_combo.isVisible()


def test_a_choice_saved_in_the_project_is_kept(fresh_project, open_docks):
    sample = by_name(load_sample_layers())
    own_flows = sample["flows"].materialize(QgsFeatureRequest())
    own_flows.setName("my flows")
    fresh_project.addMapLayer(own_flows)
    for prefix in ("explorer", "balance"):
        fresh_project.writeEntry("symbiosis_qgis", f"{prefix}/flows", own_flows.id())
    explorer, balance = open_docks()
    assert explorer.flows_combo.currentLayer() is own_flows
    assert balance.flows_combo.currentLayer() is own_flows


def test_both_docks_fit_a_1366_by_768_window(fresh_project, open_docks, qtbot):
    load_sample_layers()
    window = QMainWindow()
    window.setCentralWidget(QWidget())
    qtbot.addWidget(window)
    explorer, balance = open_docks(window)
    for dock in (explorer, balance):
        window.addDockWidget(Qt.RightDockWidgetArea, dock, Qt.Vertical)
        # stacked in one column, each must leave room for the other, title bars included
        assert dock.minimumSizeHint().height() <= 768 / 2 - 40, type(dock).__name__
        # and narrow enough for the ~270 px QGIS gives a right-hand dock at first
        body = dock.widget().widget()
        assert body.minimumSizeHint().width() <= 300, (type(dock).__name__, body.minimumSizeHint())
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    qtbot.wait(50)
    try:
        assert window.minimumSizeHint().height() <= 768
        assert window.height() <= 768 and window.width() <= 1366
    finally:
        for dock in (explorer, balance):
            dock.cleanup()


def test_explorer_columns_fit_their_contents(fresh_project, open_docks, qtbot):
    load_sample_layers()
    explorer, _ = open_docks()
    explorer.resize(380, 700)
    explorer.show()
    explorer.select_enterprise("PP04")
    table = explorer.flows_table
    assert table.rowCount() > 0
    metrics = QFontMetrics(table.font())
    qtbot.wait(20)
    for column in (0, 2, 3):  # direction, quantity, unit: never cut
        widest = max(metrics.horizontalAdvance(table.item(r, column).text()) for r in range(3))
        assert table.columnWidth(column) >= widest, column
    # the name column takes the rest; what it elides is in the tooltip
    assert all(
        table.item(r, 1).toolTip() == table.item(r, 1).text() for r in range(table.rowCount())
    )


def result_layers():
    return [node.layer() for group in results.result_groups() for node in group.findLayers()]


def run_and_wait(explorer, qtbot):
    explorer.run_analysis()
    assert explorer.task is not None
    qtbot.waitUntil(lambda: explorer.task is None, timeout=180_000)
    assert "failed" not in explorer.status.text(), explorer.status.text()


def test_default_layers_run_without_roads_says_straight_lines(
    fresh_project, open_docks, qtbot, monkeypatch
):
    """Run analysis on the layers the docks chose by themselves, with no road layer: the
    status says the links are straight-line estimates, no layer is called "Routed links",
    the tables are written in the task's thread, and Flow balance shows the run's exchanges."""
    writer_threads = []
    write = results.ResultWriter.write

    def spy(self, *args):
        writer_threads.append(threading.current_thread() is threading.main_thread())
        return write(self, *args)

    monkeypatch.setattr(results.ResultWriter, "write", spy)
    sample_layers = by_name(load_sample_layers())
    explorer, balance = open_docks()
    assert explorer.roads_combo.currentLayer() is None
    run_and_wait(explorer, qtbot)
    text = explorer.status.text()
    assert "straight-line" in text and "exchanges" in text, text
    assert "temporary GeoPackage" in text  # the project was never saved
    names = [layer.name() for layer in result_layers()]
    assert "Routed links" not in names and "Chosen exchanges" in names, names
    assert writer_threads and not any(writer_threads), writer_threads
    exchanges = explorer.exchanges_combo.currentLayer()
    assert exchanges.customProperty(RESULT_PROPERTY) == "exchanges"
    assert exchanges.providerType() == "ogr" and exchanges.featureCount() > 0
    assert balance.exchanges_combo.currentLayer() is exchanges
    # straight lines from the supplier's point to the consumer's, in the enterprises' CRS
    where = {
        f["ent_id"]: f.geometry().asPoint() for f in sample_layers["enterprises"].getFeatures()
    }
    assert exchanges.crs() == sample_layers["enterprises"].crs()
    for feature in exchanges.getFeatures():
        line = feature.geometry().asPolyline()
        assert len(line) == 2
        assert line[0].distance(where[feature["supply_ent"]]) < 1e-6
        assert line[1].distance(where[feature["demand_ent"]]) < 1e-6
    moved = balance.sankey.links[balance.sankey.links["target"] != "disposal"]
    assert moved["tonnes"].sum() > 0


def gpkg_tables(path):
    source = ogr.Open(str(path))
    try:
        return sorted(source.GetLayerByIndex(i).GetName() for i in range(source.GetLayerCount()))
    finally:
        source = None


def test_results_survive_save_and_reopen_and_a_rerun_replaces_them(
    fresh_project, open_docks, qtbot, tmp_path
):
    sample = by_name(load_sample_layers())
    project_file = tmp_path / "first_hour.qgz"
    assert fresh_project.write(str(project_file))
    explorer, _ = open_docks()
    explorer.roads_combo.setLayer(sample["roads"])
    explorer.rails_combo.setLayer(sample["rails"])
    explorer.terminals_combo.setLayer(sample["terminals"])
    run_and_wait(explorer, qtbot)
    gpkg = tmp_path / "first_hour_symbiosis.gpkg"
    assert gpkg.exists() and str(gpkg) in explorer.status.text()
    first = {layer.name(): layer.featureCount() for layer in result_layers()}
    assert "Routed links" in first and all(n > 0 for n in first.values()), first
    # routed: polylines along the roads, ending near (snapped to) the enterprises
    where = {f["ent_id"]: f.geometry().asPoint() for f in sample["enterprises"].getFeatures()}
    routed = [layer for layer in result_layers() if layer.name() == "Chosen exchanges"][0]
    vertices = []
    for feature in routed.getFeatures():
        line = feature.geometry().asPolyline()
        vertices.append(len(line))
        assert line[0].distance(where[feature["supply_ent"]]) < 5000
        assert line[-1].distance(where[feature["demand_ent"]]) < 5000
    assert max(vertices) > 2
    tables_first = gpkg_tables(gpkg)
    assert len(tables_first) == len(first)

    layer_count = len(fresh_project.mapLayers())
    run_and_wait(explorer, qtbot)
    assert len(results.result_groups()) == 1
    assert len(fresh_project.mapLayers()) == layer_count
    second = {layer.name(): layer.featureCount() for layer in result_layers()}
    assert second == first
    tables_second = gpkg_tables(gpkg)  # the first run's tables are gone, not piled up
    assert len(tables_second) == len(first) and not set(tables_first) & set(tables_second)

    assert fresh_project.write()
    explorer.cleanup()
    fresh_project.clear()
    assert fresh_project.read(str(project_file))
    reopened = {layer.name(): layer for layer in result_layers()}
    assert {name: layer.featureCount() for name, layer in reopened.items()} == first
    assert all(layer.isValid() for layer in reopened.values())


def test_sankey_labels_elide_in_the_dock_but_never_on_hover_or_in_the_export(
    fresh_project, open_docks, qtbot, tmp_path
):
    load_sample_layers()
    _, balance = open_docks()
    balance.category_combo.setCurrentIndex(balance.category_combo.findData(""))
    widget = balance.sankey_widget
    sankey = balance.sankey
    names = {widget.label(k) for k in sankey.sources + sankey.targets}
    widget.resize(300, 200)  # a narrow dock
    widget.grab()
    hovered = {widget.tooltip_at(area.center().toPoint()) for area, _ in widget.label_areas}
    assert hovered == names  # every label, elided or not, shows its full name on hover

    svg = tmp_path / "balance.svg"
    assert balance.export(svg, "svg", QSize(1600, 1000))
    text = svg.read_text(encoding="utf-8")
    assert "…" not in text
    for name in names:
        for word in name.replace("&", "&amp;").split():
            assert word in text, (name, word)
    assert balance.title() in text and "thousand t/yr" in text
    png = tmp_path / "balance.png"
    assert balance.export(png, "png", QSize(1600, 1000))
    assert QImage(str(png)).size() == QSize(1600, 1000)


def test_the_plugin_opens_the_docks_in_one_tabbed_column(
    fresh_project, qgis_iface, qgis_processing, qtbot, monkeypatch
):
    """Through the plugin's menu, as a user opens them: tabbed, not stacked, so each has the
    screen's height and the window keeps 1366 x 768."""
    from qgis.core import QgsApplication

    from symbiosis_qgis.plugin import SymbiosisPlugin

    registry = QgsApplication.processingRegistry()
    if registry.providerById("symbiosis") is not None:
        registry.removeProvider("symbiosis")
    load_sample_layers()
    window = qgis_iface.mainWindow()
    # pytest-qgis's interface drops docks; QGIS's puts them in its main window
    monkeypatch.setattr(qgis_iface, "addDockWidget", window.addDockWidget)
    plugin = SymbiosisPlugin(qgis_iface)
    plugin.initGui()
    try:
        explorer = plugin.show_dock("explorer")
        balance = plugin.show_dock("balance")
        assert explorer in window.tabifiedDockWidgets(balance)
        window.resize(1366, 768)
        window.show()
        qtbot.waitExposed(window)
        assert window.height() <= 768
        assert balance.flows_combo.currentLayer().customProperty(TABLE_PROPERTY) == "flows"
    finally:
        plugin.unload()
        window.hide()
