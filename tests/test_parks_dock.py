"""The eco-industrial parks dock on a copy of the sample GeoPackage: layer roles, background
runs of symbiosis:siteparks against processing.run, re-run, cancel, bad input, save/reopen."""

from pathlib import Path

import pytest
from osgeo import ogr, osr
from qgis.core import (
    QgsApplication,
    QgsProject,
    QgsSimpleMarkerSymbolLayerBase,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import Qt

from symbiosis_qgis import i18n
from symbiosis_qgis.core.parks import ParkSettings
from symbiosis_qgis.core.text import format_number
from symbiosis_qgis.gui import parks_run
from symbiosis_qgis.gui.parks_dock import ParksDock
from symbiosis_qgis.gui.parks_run import GROUP_PROPERTY

# the sample's layers, added so that neither tree order nor geometry type gives the roles away
LOAD_ORDER = ["roads", "terminals", "enterprises", "rails", "sites", "flows"]
RUN_TIMEOUT_MS = 120_000
DEFAULTS = ParkSettings()


@pytest.fixture()
def project(qgis_iface, symbiosis_provider, sample_gpkg, tmp_path):
    """A saved project (so the parks go next to it) with the sample layers from a tmp copy."""
    project = QgsProject.instance()
    project.clear()
    project.setFileName(str(tmp_path / "study.qgz"))
    layers = {}
    for name in LOAD_ORDER:
        layer = QgsVectorLayer(f"{sample_gpkg}|layername={name}", name, "ogr")
        assert layer.isValid(), name
        project.addMapLayer(layer)
        layers[name] = layer
    yield layers
    project.clear()


@pytest.fixture()
def dock(project, qtbot):
    widget = ParksDock()
    qtbot.addWidget(widget)
    widget.show()
    yield widget
    widget.cleanup()


def run_and_wait(dock, qtbot):
    task = dock.start()
    assert task is not None
    # queued, not run inline: the window stays responsive while it runs
    assert task in QgsApplication.taskManager().tasks()
    qtbot.waitUntil(lambda: dock.run is None, timeout=RUN_TIMEOUT_MS)


def parks_groups():
    root = QgsProject.instance().layerTreeRoot()
    return [g for g in root.findGroups(True) if g.customProperty(GROUP_PROPERTY)]


def column(table, header):
    """The texts of the column titled ``header``."""
    titles = [table.horizontalHeaderItem(c).toolTip() for c in range(table.columnCount())]
    index = titles.index(header)
    return [table.item(r, index).text() for r in range(table.rowCount())]


def reference_run(layers, max_parks, share=DEFAULTS.cofinance_share):
    import processing

    return processing.run(
        "symbiosis:siteparks",
        {
            "SITES": layers["sites"],
            "ENTERPRISES": layers["enterprises"],
            "FLOWS": layers["flows"],
            "MAX_PARKS": max_parks,
            "COFINANCE_SHARE": share,
            "BUDGET": DEFAULTS.budget,
            "PARKS": "TEMPORARY_OUTPUT",
            "TENANT_ROWS": "TEMPORARY_OUTPUT",
            "SUPPLY_LINKS": "TEMPORARY_OUTPUT",
        },
    )


def test_dock_picks_layers_by_role_and_the_algorithms_defaults(dock, project):
    assert dock.sites_combo.currentLayer() == project["sites"]
    assert dock.enterprises_combo.currentLayer() == project["enterprises"]
    assert dock.flows_combo.currentLayer() == project["flows"]
    assert dock.tenants_combo.currentLayer() is None  # the sample has none: bundled catalogue
    assert dock.roads_combo.currentLayer() is None  # optional: straight km x detour
    assert dock.layers_box.isCollapsed()  # everything needed is chosen: room for the tables
    defaults = ParkSettings()
    assert dock.max_parks.value() == defaults.max_parks
    assert dock.cofinance.value() == pytest.approx(100 * defaults.cofinance_share)
    assert dock.cofinance.maximum() == pytest.approx(100)  # the algorithm's limit of 1
    assert dock.budget.value() * 1e6 == pytest.approx(defaults.budget)
    # fits a 1366 x 768 screen beside the map: no minimum that makes the window taller
    assert dock.minimumSizeHint().height() < 450
    assert dock.minimumSizeHint().width() < 450


def test_run_shows_what_processing_finds_and_survives_save_and_reopen(
    dock, project, qtbot, tmp_path, monkeypatch
):
    dock.max_parks.setValue(3)
    run_and_wait(dock, qtbot)
    assert dock.outcome == "written"
    reference = reference_run(project, 3)
    assert reference["STATUS"] == "optimal"
    expected = sorted(reference["PARKS"].getFeatures(), key=lambda f: -f["net_benefit"])
    assert dock.parks_table.rowCount() == len(expected) == 3
    assert column(dock.parks_table, "Park") == [f["name"] for f in expected]
    assert column(dock.parks_table, "Net benefit, mln RUB/yr") == [
        format_number(f["net_benefit"] / 1e6, 1, "en") for f in expected
    ]
    total = format_number(reference["NET_BENEFIT"] / 1e6, 1, "en")
    assert "Solution: optimal" in dock.status.text()
    assert f"net benefit {total} mln RUB/yr" in dock.status.text()
    # tenants in words, never codes; the selected park's modules below
    assert all(t and "_" not in t for t in column(dock.parks_table, "Tenants"))
    dock.parks_table.selectRow(0)
    tenants = [
        f for f in reference["TENANT_ROWS"].getFeatures() if f["site_id"] == expected[0]["site_id"]
    ]
    assert sorted(column(dock.tenants_table, "Tenant module")) == sorted(
        f["tenant"] for f in tenants
    )
    assert sum(int(m) for m in column(dock.tenants_table, "Modules")) == sum(
        f["modules"] for f in tenants
    )

    # one group of three layers read from the GeoPackage next to the project
    gpkg = tmp_path / "study_parks.gpkg"
    (group,) = parks_groups()
    assert group.name() == "Eco-industrial parks"
    assert [n.layer().source() for n in group.findLayers()] == [
        f"{gpkg}|layername={t}" for t in ("parks", "park_supply_links", "park_tenants")
    ]
    marker = dock.layers["PARKS"].renderer().symbol().symbolLayer(0)
    assert marker.shape() == QgsSimpleMarkerSymbolLayerBase.Star  # parks.qml, not a dot

    # in Russian: names from name_ru and tenant_ru, digits grouped the Russian way
    monkeypatch.setattr(i18n, "user_locale", lambda: "ru")
    ru_names = {f["site_id"]: f["name_ru"] for f in project["sites"].getFeatures()}
    dock.show_results({k: v for k, v in ru_names.items() if v})
    shown = column(dock.parks_table, "Park")
    assert [ru_names[f["site_id"]] or f["name"] for f in expected] == shown
    assert "\u202f" in column(dock.parks_table, "Taken in, t/yr")[0]
    assert any("\u0430" <= ch <= "\u044f" for ch in column(dock.tenants_table, "Tenant module")[0])

    QgsProject.instance().write()
    QgsProject.instance().clear()
    assert QgsProject.instance().read(str(tmp_path / "study.qgz"))
    (group,) = parks_groups()
    parks_layer = group.findLayers()[0].layer()
    assert parks_layer.isValid()
    assert sorted(f["site_id"] for f in parks_layer.getFeatures()) == sorted(
        f["site_id"] for f in expected
    )
    # the dock shows them again, with the status and totals of that run
    monkeypatch.setattr(i18n, "user_locale", lambda: "en")
    reopened = ParksDock()
    qtbot.addWidget(reopened)
    try:
        assert column(reopened.parks_table, "Park") == [f["name"] for f in expected]
        assert f"net benefit {total} mln RUB/yr" in reopened.status.text()
    finally:
        reopened.cleanup()


def test_rerun_with_one_park_replaces_the_group(dock, project, qtbot):
    dock.max_parks.setValue(3)
    run_and_wait(dock, qtbot)
    before = {layer.id() for layer in dock.layers.values()}
    dock.max_parks.setValue(1)
    run_and_wait(dock, qtbot)
    reference = reference_run(project, 1)
    assert dock.parks_table.rowCount() == 1
    (best,) = list(reference["PARKS"].getFeatures())
    assert column(dock.parks_table, "Park") == [best["name"]]
    (group,) = parks_groups()
    layers = [node.layer() for node in group.findLayers()]
    assert len(layers) == 3 and not {layer.id() for layer in layers} & before
    assert layers[0].featureCount() == 1
    assert not before & set(QgsProject.instance().mapLayers())  # old layers gone too

    dock.cofinance.setValue(0)  # no co-financing: the same park costs the region nothing
    run_and_wait(dock, qtbot)
    reference = reference_run(project, 1, share=0.0)
    (best,) = list(reference["PARKS"].getFeatures())
    assert reference["COFINANCING"] == 0
    assert column(dock.parks_table, "Co-financing, mln RUB") == ["0"]
    assert column(dock.parks_table, "Net benefit, mln RUB/yr") == [
        format_number(best["net_benefit"] / 1e6, 1, "en")
    ]
    layers = [node.layer() for node in parks_groups()[0].findLayers()]
    QgsProject.instance().removeMapLayer(layers[0].id())  # the tables do not outlive them
    assert dock.parks_table.rowCount() == 0 and dock.tenants_table.rowCount() == 0


def test_cancel_midway_adds_nothing_and_keeps_the_previous_parks(dock, project, qtbot):
    dock.max_parks.setValue(2)
    run_and_wait(dock, qtbot)
    layer_ids = set(QgsProject.instance().mapLayers())
    dock.max_parks.setValue(3)
    task = dock.start()
    seen = []

    def cancel_once_solving(progress):  # runs in the task's thread
        seen.append(progress)
        if progress >= 45:  # siteparks reports 45 as the solver starts
            task.cancel()

    task.progressChanged.connect(cancel_once_solving, Qt.DirectConnection)
    qtbot.waitUntil(lambda: dock.run is None, timeout=RUN_TIMEOUT_MS)
    assert dock.outcome == "canceled"
    # stopped in the solve (45-90 %), never writing; 100 is the task manager's own last word
    assert 45 <= max(p for p in seen if p != 100) < 90
    assert dock.status.text().startswith("Canceled")
    assert set(QgsProject.instance().mapLayers()) == layer_ids
    assert len(parks_groups()) == 1 and dock.parks_table.rowCount() == 2
    assert dock.run_button.isEnabled() and not dock.cancel_button.isEnabled()


def test_sites_without_area_end_in_words_and_add_nothing(dock, project, qtbot, tmp_path):
    path = str(tmp_path / "no_area.gpkg")
    ds = ogr.GetDriverByName("GPKG").CreateDataSource(path)
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(4326)
    lyr = ds.CreateLayer("sites", srs, ogr.wkbPoint)
    lyr.CreateField(ogr.FieldDefn("site_id", ogr.OFTString))
    feature = ogr.Feature(lyr.GetLayerDefn())
    feature.SetField("site_id", "A")
    feature.SetGeometry(ogr.CreateGeometryFromWkt("POINT (87.1 53.8)"))
    lyr.CreateFeature(feature)
    ds = None
    sites = QgsVectorLayer(f"{path}|layername=sites", "sites without area", "ogr")
    QgsProject.instance().addMapLayer(sites)
    assert dock.sites_combo.currentLayer() == project["sites"]  # not taken by role
    dock.sites_combo.setLayer(sites)
    layer_ids = set(QgsProject.instance().mapLayers())
    run_and_wait(dock, qtbot)
    assert dock.outcome == "failed"
    text = dock.status.text()
    assert "area_ha" in text and "Candidate park sites" in text, text
    assert "Traceback" not in text
    assert set(QgsProject.instance().mapLayers()) == layer_ids and not parks_groups()
    assert dock.parks_table.rowCount() == 0 and dock.run_button.isEnabled()


def test_menu_entry_opens_one_dock_that_unload_removes(qgis_iface, qgis_processing, qtbot):
    from qgis.PyQt.QtCore import QCoreApplication, QEvent
    from qgis.PyQt.QtWidgets import QDockWidget

    import symbiosis_qgis

    registry = QgsApplication.processingRegistry()
    if registry.providerById("symbiosis") is not None:  # the plugin registers its own
        registry.removeProvider("symbiosis")
    plugin = symbiosis_qgis.classFactory(qgis_iface)
    plugin.initGui()
    try:
        (action,) = [a for a in plugin.menu.actions() if a.text() == "Eco-industrial parks"]
        action.trigger()
        dock = plugin.docks["parks"]
        assert isinstance(dock, ParksDock) and not dock.isHidden()
        assert plugin.show_dock("parks") is dock  # made once
    finally:
        plugin.unload()
    QCoreApplication.sendPostedEvents(None, QEvent.DeferredDelete)
    window = qgis_iface.mainWindow()
    assert "SymbiosisParksDock" not in {d.objectName() for d in window.findChildren(QDockWidget)}


def test_an_unsaved_project_writes_to_the_profile_and_says_so(qgis_iface):
    project = QgsProject.instance()
    project.clear()
    path, next_to_project = parks_run.output_location(project)
    assert not next_to_project
    assert path.parent.parent == Path(QgsApplication.qgisSettingsDirPath())
    project.setFileName("/data/study/kuzbass.qgz")
    assert parks_run.output_location(project) == (Path("/data/study/kuzbass_parks.gpkg"), True)
    project.clear()
