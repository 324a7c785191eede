"""The explorer and flow-balance docks, driven with qtbot on the sample project."""

import pytest
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsFeature,
    QgsGeometry,
    QgsProject,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QPoint, Qt

from symbiosis_qgis.core.catalogue import load_materials
from symbiosis_qgis.gui.balance_dock import FlowBalanceDock
from symbiosis_qgis.gui.explorer_dock import SymbiosisExplorerDock
from symbiosis_qgis.sample_project import by_table, load_sample_layers

from .conftest import rows_of


@pytest.fixture()
def clean_project():
    """No layers and no stored dock settings left by another test."""
    QgsProject.instance().clear()


@pytest.fixture()
def sample_project(clean_project, qgis_iface, sample_links):
    cands, links, _ = sample_links
    import processing

    layers = by_table(load_sample_layers())
    exchanges = processing.run(
        "symbiosis:optimizeexchanges",
        {"LINKS": links, "FLOWS": layers["flows"], "OUTPUT": "TEMPORARY_OUTPUT"},
    )["OUTPUT"]
    cands.setName("candidates")
    exchanges.setName("exchanges")
    QgsProject.instance().addMapLayers([cands, exchanges])
    layers.update(candidates=cands, exchanges=exchanges)
    qgis_iface.mapCanvas().setDestinationCrs(layers["enterprises"].crs())
    return layers


@pytest.fixture()
def explorer(qgis_iface, qtbot, sample_project):
    dock = SymbiosisExplorerDock(qgis_iface)
    qtbot.addWidget(dock)
    dock.enterprises_combo.setLayer(sample_project["enterprises"])
    dock.flows_combo.setLayer(sample_project["flows"])
    dock.candidates_combo.setLayer(sample_project["candidates"])
    dock.exchanges_combo.setLayer(sample_project["exchanges"])
    dock.roads_combo.setLayer(sample_project["roads"])
    dock.rails_combo.setLayer(sample_project["rails"])
    dock.terminals_combo.setLayer(sample_project["terminals"])
    dock.show()
    yield dock
    dock.cleanup()


def table_column(widget, column):
    return [widget.item(r, column).text() for r in range(widget.rowCount())]


def test_explorer_tables_match_the_data(explorer, sample_project):
    explorer.select_enterprise("PP04")
    flows = [f for f in sample_project["flows"].getFeatures() if f["ent_id"] == "PP04"]
    assert explorer.flows_table.rowCount() == len(flows)
    names = load_materials()["name_en"]  # the tables show names, not codes
    assert sorted(table_column(explorer.flows_table, 1)) == sorted(
        names[f["material"]] for f in flows
    )
    cands = [
        r
        for r in rows_of(sample_project["candidates"])
        if "PP04" in (r["supply_ent"], r["demand_ent"])
    ]
    assert explorer.candidates_table.rowCount() == len(cands) > 0
    exchanges = [
        r
        for r in rows_of(sample_project["exchanges"])
        if "PP04" in (r["supply_ent"], r["demand_ent"])
    ]
    assert explorer.exchanges_table.rowCount() == len(exchanges) > 0
    # "Partner | Role" reads as a sentence: the partner supplies PP04 or receives from it
    for table, layer in (
        (explorer.candidates_table, sample_project["candidates"]),
        (explorer.exchanges_table, sample_project["exchanges"]),
    ):
        for r in range(table.rowCount()):
            fid, partner = table.item(r, 0).data(Qt.UserRole + 1)
            feature = layer.getFeature(fid)
            partner_supplies = feature["supply_ent"] == partner and feature["demand_ent"] == "PP04"
            assert table.item(r, 1).text() == ("supplies" if partner_supplies else "receives")
            assert partner_supplies or feature["supply_ent"] == "PP04"
    # filters: heat only, then a minimum quantity nothing reaches
    explorer.category_box.setCurrentIndex(explorer.category_box.findData("heat"))
    assert set(table_column(explorer.flows_table, 1)) == {names["waste_heat"]}
    explorer.category_box.setCurrentIndex(0)
    explorer.min_quantity.setValue(1e11)
    assert explorer.flows_table.rowCount() == 0


def test_clicking_a_row_highlights_partner_and_route(explorer, qtbot, qgis_iface, sample_project):
    explorer.select_enterprise("PP04")
    explorer.tabs.setCurrentWidget(explorer.candidates_table)
    table = explorer.candidates_table
    rect = table.visualItemRect(table.item(0, 0))
    qtbot.mouseClick(table.viewport(), Qt.LeftButton, pos=rect.center())
    fid, partner = table.item(0, 0).data(Qt.UserRole + 1)
    layer = sample_project["candidates"]
    route = QgsGeometry(layer.getFeature(fid).geometry())
    route.transform(
        QgsCoordinateTransform(
            layer.crs(),
            qgis_iface.mapCanvas().mapSettings().destinationCrs(),
            QgsProject.instance(),
        )
    )
    assert explorer.route_band.asGeometry().equals(route)
    assert explorer.partner_band.numberOfVertices() == 1
    explorer.zoom_to_highlight()
    assert qgis_iface.mapCanvas().extent().contains(route.boundingBox())
    explorer.close()
    assert explorer.route_band.numberOfVertices() == 0  # cleared when the dock closes


def test_removed_layers_leave_an_empty_state(explorer, sample_project, qtbot):
    explorer.select_enterprise("PP04")
    QgsProject.instance().removeMapLayer(sample_project["exchanges"].id())
    qtbot.waitUntil(lambda: explorer.exchanges_table.rowCount() == 0, timeout=2000)
    assert explorer.candidates_table.rowCount() > 0
    QgsProject.instance().removeAllMapLayers()  # every layer the dock used is gone
    qtbot.waitUntil(lambda: "Choose an enterprise layer" in explorer.status.text(), timeout=5000)
    assert explorer.flows_table.rowCount() == 0


def test_settings_are_kept_in_the_project(explorer, sample_project):
    explorer.select_enterprise("ST01")
    entry, ok = QgsProject.instance().readEntry("symbiosis_qgis", "explorer/enterprise")
    assert ok and entry == "ST01"
    again = SymbiosisExplorerDock(explorer.iface)
    try:
        assert again.enterprises_combo.currentLayer() == sample_project["enterprises"]
        assert again.current_enterprise() == "ST01"
    finally:
        again.cleanup()


def test_run_analysis_as_a_task_then_cancel_one_midway(explorer, qtbot):
    from qgis.core import QgsApplication

    before = len(QgsProject.instance().mapLayers())
    explorer.run_analysis()
    # the task is queued, not run inline: it finishes only once the event loop turns
    assert explorer.task is not None
    assert explorer.task in QgsApplication.taskManager().tasks()
    qtbot.waitUntil(lambda: explorer.task is None, timeout=120_000)
    assert "exchanges" in explorer.status.text()
    assert len(QgsProject.instance().mapLayers()) == before + 5
    assert explorer.exchanges_combo.currentLayer().name() == "Chosen exchanges"

    progress_seen = []
    explorer.run_analysis()
    task = explorer.task

    def cancel_after_first_stage(progress):  # runs in the task's thread, mid-pipeline
        progress_seen.append(progress)
        if progress >= 20:
            task.cancel()

    task.progressChanged.connect(cancel_after_first_stage, Qt.DirectConnection)
    qtbot.waitUntil(lambda: explorer.task is None, timeout=120_000)
    assert explorer.status.text() == "Analysis canceled."
    assert max(progress_seen) < 100
    assert len(QgsProject.instance().mapLayers()) == before + 5  # nothing added by it


def test_unusable_layers_end_in_words_not_exceptions(explorer, qtbot, sample_project):
    """The wrong table as flows, then a road layer without CRS: the task says what is wrong
    in the dock's status, and the dock is ready for another run."""
    explorer.flows_combo.setLayer(sample_project["enterprises"])
    explorer.run_analysis()
    qtbot.waitUntil(lambda: explorer.task is None, timeout=60_000)
    text = explorer.status.text()
    assert "flow_id" in text and "Flows" in text, text
    assert "Traceback" not in text and "KeyError" not in text
    assert explorer.run_button.isEnabled()

    explorer.flows_combo.setLayer(sample_project["flows"])
    roads = QgsVectorLayer("LineString", "roads without CRS", "memory")
    roads.setCrs(QgsCoordinateReferenceSystem())  # as a shapefile without .prj
    assert not roads.crs().isValid()
    feature = QgsFeature(roads.fields())
    feature.setGeometry(QgsGeometry.fromWkt("LineString(87.1 53.7, 87.2 53.8)"))
    roads.dataProvider().addFeatures([feature])
    QgsProject.instance().addMapLayer(roads)
    explorer.roads_combo.setLayer(roads)
    explorer.run_analysis()
    qtbot.waitUntil(lambda: explorer.task is None, timeout=60_000)
    text = explorer.status.text()
    assert "roads" in text.lower() and "coordinate reference system" in text, text


def test_flow_balance_totals_equal_the_flow_table(qtbot, sample_project, tmp_path):
    dock = FlowBalanceDock()
    qtbot.addWidget(dock)
    request_cleanup = dock.cleanup
    dock.enterprises_combo.setLayer(sample_project["enterprises"])
    dock.flows_combo.setLayer(sample_project["flows"])
    dock.exchanges_combo.setLayer(sample_project["exchanges"])
    dock.node_combo.setCurrentIndex(dock.node_combo.findData("Novokuznetsk"))
    dock.category_combo.setCurrentIndex(dock.category_combo.findData(""))  # all materials
    dock.resize(700, 450)
    dock.show()
    ents = {f["ent_id"]: f for f in sample_project["enterprises"].getFeatures()}
    expected = {}
    for f in sample_project["flows"].getFeatures():
        ent = ents[f["ent_id"]]
        if f["direction"] == "supply" and f["unit"] == "t/yr" and ent["node"] == "Novokuznetsk":
            expected[ent["sector"]] = expected.get(ent["sector"], 0) + f["quantity"]
    sankey = dock.sankey
    assert sankey.total == pytest.approx(sum(expected.values()))
    for sector, tonnes in expected.items():
        out = sankey.links.loc[sankey.links.source == sector, "tonnes"].sum()
        assert out == pytest.approx(tonnes)
    dock.sankey_widget.resize(640, 380)
    dock.sankey_widget.grab()  # paints, which lays out the bands
    path, text = dock.sankey_widget.bands[0]
    # hovering just inside a band's start shows its tonnage
    probe = QPoint(int(path.boundingRect().left() + 3), int(path.elementAt(0).y + 1))
    assert dock.sankey_widget.tooltip_at(probe) == text
    assert "thousand t/yr" in text and "→" in text
    assert dock.export(tmp_path / "b.png", "png") and (tmp_path / "b.png").stat().st_size > 2000
    assert dock.export(tmp_path / "b.svg", "svg")
    assert "<svg" in (tmp_path / "b.svg").read_text()
    # the default view leaves out overburden and host rock, which dwarf every other flow
    dock.category_combo.setCurrentIndex(dock.category_combo.findData("-mining_rock"))
    rock = sum(
        f["quantity"]
        for f in sample_project["flows"].getFeatures()
        if f["material"] in ("overburden_rock", "host_rock")
        and f["direction"] == "supply"
        and ents[f["ent_id"]]["node"] == "Novokuznetsk"
    )
    assert dock.sankey.total == pytest.approx(sum(expected.values()) - rock)
    request_cleanup()
