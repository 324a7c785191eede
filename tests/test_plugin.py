"""The plugin loads, registers its provider, menu and translator, and unloads cleanly."""

from qgis.core import QgsApplication

import symbiosis_qgis

EXPECTED_ALGORITHMS = {
    "symbiosis:validatedata",
    "symbiosis:findcandidates",
    "symbiosis:networklinks",
    "symbiosis:optimizeexchanges",
    "symbiosis:assessbenefits",
    "symbiosis:policyscenarios",
    "symbiosis:drawdiagram",
    "symbiosis:exportmap",
}


def _menu_titles(iface):
    return [a.text() for a in iface.mainWindow().menuBar().actions()]


def _load(iface):
    plugin = symbiosis_qgis.classFactory(iface)
    plugin.initGui()
    return plugin


def test_load_registers_provider_and_menu(qgis_iface, qgis_processing):
    registry = QgsApplication.processingRegistry()
    if registry.providerById("symbiosis") is not None:  # left by another test's fixture
        registry.removeProvider("symbiosis")
    plugin = _load(qgis_iface)
    try:
        provider = registry.providerById("symbiosis")
        assert provider is not None
        assert provider.name() == "Industrial symbiosis"
        assert not provider.icon().isNull()
        ids = {alg.id() for alg in provider.algorithms()}
        assert ids >= EXPECTED_ALGORITHMS
        menu = plugin.menu
        assert menu.menuAction() in qgis_iface.mainWindow().menuBar().actions()
        assert [a.text() for a in menu.actions()] == [
            "Symbiosis explorer",
            "Flow balance",
            "Eco-industrial parks",
            "Resource registry",
            "Validate symbiosis data…",
            "Load Kuzbass sample data",
        ]
    finally:
        plugin.unload()


def test_load_unload_twice_leaves_nothing(qgis_iface, qgis_processing):
    registry = QgsApplication.processingRegistry()
    if registry.providerById("symbiosis") is not None:
        registry.removeProvider("symbiosis")
    menus_before = _menu_titles(qgis_iface)
    providers_before = {p.id() for p in registry.providers()}
    for _ in range(2):
        plugin = _load(qgis_iface)
        assert registry.providerById("symbiosis") is not None
        assert len(_menu_titles(qgis_iface)) == len(menus_before) + 1
        plugin.unload()
        assert registry.providerById("symbiosis") is None
        assert _menu_titles(qgis_iface) == menus_before
        assert {p.id() for p in registry.providers()} == providers_before
        assert plugin.translator is None and plugin.menu is None


def test_load_sample_layers_styled(qgis_iface, qgis_new_project):
    from qgis.core import QgsProject

    from symbiosis_qgis.sample_project import SAMPLE_LAYERS, TABLE_PROPERTY, load_sample_layers

    layers = load_sample_layers()
    assert [layer.customProperty(TABLE_PROPERTY) for layer in layers] == SAMPLE_LAYERS
    # named for a person, in the interface's language (English here)
    assert [layer.name() for layer in layers][:3] == [
        "Enterprises",
        "Candidate park sites",
        "Flows (supplies and demands)",
    ]
    group = QgsProject.instance().layerTreeRoot().findGroup("Kuzbass sample data")
    assert group is not None and len(group.children()) == len(SAMPLE_LAYERS)
    enterprises = layers[0]
    assert enterprises.renderer().type() == "categorizedSymbol"
    assert enterprises.renderer().classAttribute() == "sector"
    assert enterprises.labelsEnabled()


def test_docks_open_and_go_away_on_unload(qgis_iface, qgis_processing, qgis_new_project):
    from qgis.PyQt.QtWidgets import QDockWidget

    registry = QgsApplication.processingRegistry()
    if registry.providerById("symbiosis") is not None:
        registry.removeProvider("symbiosis")
    plugin = _load(qgis_iface)
    try:
        explorer = plugin.show_dock("explorer")
        balance = plugin.show_dock("balance")
        window = qgis_iface.mainWindow()
        docks = {d.objectName() for d in window.findChildren(QDockWidget) if not d.isHidden()}
        assert {"SymbiosisExplorerDock", "SymbiosisFlowBalanceDock"} <= docks
        assert plugin.show_dock("explorer") is explorer  # made once
        scene_items = len(qgis_iface.mapCanvas().scene().items())
    finally:
        plugin.unload()
    assert plugin.docks == {}
    assert len(qgis_iface.mapCanvas().scene().items()) == scene_items - 2  # rubber bands
    from qgis.PyQt.QtCore import QCoreApplication, QEvent

    QCoreApplication.sendPostedEvents(None, QEvent.DeferredDelete)  # the docks' deleteLater
    left = {d.objectName() for d in window.findChildren(QDockWidget)}
    assert not left & {"SymbiosisExplorerDock", "SymbiosisFlowBalanceDock"}, left
    assert balance is not explorer
